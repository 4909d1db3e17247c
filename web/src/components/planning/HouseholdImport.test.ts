import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import HouseholdImport from './HouseholdImport.vue';
import { i18nFor, stubFetch } from '../../test/helpers';

function chooseFile(wrapper: ReturnType<typeof mount>, text: string) {
  const input = wrapper.find('#import-file');
  const file = new File([text], 'households.csv', { type: 'text/csv' });
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  return input.trigger('change');
}

describe('HouseholdImport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the file first and shows each bad row, keeping the import shut', async () => {
    const { calls } = stubFetch({
      'POST /api/v1/households/import': {
        body: {
          written: false,
          dry_run: true,
          encoding: 'gbk',
          rows: 2,
          households_created: 0,
          residents_created: 0,
          buildings_created: 0,
          errors: [{ line: 3, column: '身份证号', code: 'invalid_id_number', message: 'bad check digit' }],
        },
      },
    });
    const wrapper = mount(HouseholdImport, { props: { communityId: 1 }, global: { plugins: [i18nFor('zh-CN')] } });
    await wrapper.find('[data-test="import-check"]').trigger('click');
    expect(wrapper.find('[data-test="import-error"]').text()).toBe('请先选择一个 CSV 文件。');
    await chooseFile(wrapper, '户号,地址\n');
    await wrapper.find('[data-test="import-check"]').trigger('click');
    await flushPromises();
    expect(calls[0].url).toBe('/api/v1/households/import?community_id=1&dry_run=true');
    expect((calls[0].init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    const report = wrapper.find('[data-test="import-report"]');
    expect(report.text()).toContain('共 2 行，1 处错误（编码 gbk）');
    expect(report.find('[data-line="3"]').text()).toContain('身份证号不正确。');
    expect(wrapper.find('[data-test="import-run"]').attributes('disabled')).toBeDefined();
  });

  it('imports a clean file after the check and says how many were written', async () => {
    const clean = { written: false, dry_run: true, encoding: 'utf-8', rows: 1, households_created: 0, residents_created: 0, buildings_created: 0, errors: [] };
    let posts = 0;
    stubFetch({
      'POST /api/v1/households/import': () =>
        ++posts === 1 ? { body: clean } : { body: { ...clean, written: true, dry_run: undefined, households_created: 1, residents_created: 1 } },
    });
    const wrapper = mount(HouseholdImport, { props: { communityId: 1 }, global: { plugins: [i18nFor('en')] } });
    await chooseFile(wrapper, 'household_code,address\n');
    await wrapper.find('[data-test="import-check"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-test="import-run"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="import-done"]').text()).toBe('Imported 1 households and 1 residents.');
    expect(wrapper.emitted('imported')).toHaveLength(1);
  });

  it('shows the row report of an import the server refused as a whole', async () => {
    const clean = { written: false, dry_run: true, encoding: 'utf-8', rows: 1, households_created: 0, residents_created: 0, buildings_created: 0, errors: [] };
    const refused = { ...clean, dry_run: undefined, errors: [{ line: 2, column: '身份证号', code: 'invalid_id_number', message: 'bad check digit' }] };
    let posts = 0;
    stubFetch({
      'POST /api/v1/households/import': () =>
        ++posts === 1
          ? { body: clean }
          : { status: 422, body: { error: { code: 'import_failed', message: 'import failed', details: refused } } },
    });
    const wrapper = mount(HouseholdImport, { props: { communityId: 1 }, global: { plugins: [i18nFor('zh-CN')] } });
    await chooseFile(wrapper, '户号,地址\n');
    await wrapper.find('[data-test="import-check"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-test="import-run"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="import-error"]').text()).toBe('文件中有错误，没有导入任何数据，请按下表修改后重试。');
    expect(wrapper.find('[data-test="import-report"] [data-line="2"]').text()).toContain('身份证号不正确。');
    expect(wrapper.emitted('imported')).toBeUndefined();
  });
});
