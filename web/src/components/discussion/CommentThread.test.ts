import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import CommentThread from './CommentThread.vue';
import { session } from '../../session';
import { i18nFor, stubFetch } from '../../test/helpers';

const base = {
  subject_type: 'proposal',
  subject_id: 7,
  author_building: '3号楼',
  mine: false,
  hidden_reason: null,
  hidden_by_flags: false,
  flagged_by_me: false,
  may_flag: true,
  created_at: '2026-12-01T10:00:00.000+08:00',
  replies: [],
};
const thread = (open: boolean, flags?: number) => ({
  subject_type: 'proposal',
  subject_id: 7,
  open,
  count: 3,
  comments: [
    {
      ...base,
      id: 1,
      parent_id: null,
      author_name: '李*华',
      author_role: 'resident',
      body: '建议先在一个楼栋试点。',
      status: 'visible',
      ...(flags === undefined ? {} : { flags: 0 }),
      replies: [
        { ...base, id: 2, parent_id: 1, author_name: '徐志伟', author_building: null, author_role: 'staff', body: '感谢建议，已记录。', status: 'visible' },
      ],
    },
    {
      ...base,
      id: 3,
      parent_id: null,
      author_name: '王*',
      author_role: 'resident',
      body: flags === undefined ? '' : '打3号楼老李电话13800001234',
      status: 'hidden',
      hidden_reason: '含有他人电话号码，已隐藏',
      ...(flags === undefined ? {} : { flags }),
    },
  ],
});

function login(role: string, household: number | null = null) {
  session.user = { id: 9, username: role, role, community_ids: [1], household_id: household, display_name: '张文博' } as never;
}

async function mountThread() {
  const wrapper = mount(CommentThread, {
    props: { subjectType: 'proposal', subjectId: 7 },
    global: { plugins: [i18nFor('zh-CN')], stubs: { RouterLink: true } },
  });
  await flushPromises();
  return wrapper;
}

describe('CommentThread', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.user = null;
  });

  it('nests replies, badges staff, says why a comment was hidden, and gives a resident reply and 举报', async () => {
    login('resident', 5);
    stubFetch({ 'GET /api/v1/comments': { body: thread(true) } });
    const wrapper = await mountThread();
    expect(wrapper.find('[data-test="discussion-count"]').text()).toBe('共 3 条评论');
    const top = wrapper.findAll('[data-test="comment-thread"]');
    expect(top).toHaveLength(2);
    const reply = top[0].find('[data-test="comment-replies"] [data-test="comment"]');
    expect(reply.find('[data-test="comment-role"]').text()).toBe('社区工作人员');
    expect(reply.find('[data-test="comment-reply"]').exists()).toBe(false);
    expect(top[0].find('[data-test="comment-reply"]').text()).toBe('回复');
    expect(top[0].find('[data-test="comment-flag"]').text()).toBe('举报');
    expect(top[1].find('[data-test="comment-hidden"]').text()).toBe('该评论已被隐藏：含有他人电话号码，已隐藏');
    expect(top[1].find('[data-test="comment-body"]').exists()).toBe(false);
    expect(top[1].find('[data-test="comment-flag"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="comment-counter"]').text()).toBe('0/1000 字');
  });

  it('shows staff the hidden text greyed with its flags, 恢复显示 and no 举报', async () => {
    login('staff');
    stubFetch({ 'GET /api/v1/comments': { body: thread(true, 3) } });
    const wrapper = await mountThread();
    const hidden = wrapper.findAll('[data-test="comment-thread"]')[1];
    expect(hidden.find('[data-test="comment-body"]').text()).toContain('13800001234');
    expect(hidden.find('[data-test="comment-flags"]').text()).toBe('举报 3 次');
    expect(hidden.find('[data-test="comment-restore"]').exists()).toBe(true);
    expect(hidden.find('[data-test="comment-hide"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="comment-flag"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="comment-hide"]')).toHaveLength(2);
  });

  it('says comments are closed instead of a comment box, and the street reads only', async () => {
    login('resident', 5);
    stubFetch({ 'GET /api/v1/comments': { body: thread(false) } });
    let wrapper = await mountThread();
    expect(wrapper.find('[data-test="discussion-closed"]').text()).toContain('暂不接受评论');
    expect(wrapper.find('[data-test="comment-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="comment-reply"]').exists()).toBe(false);
    login('street');
    stubFetch({ 'GET /api/v1/comments': { body: thread(true) } });
    wrapper = await mountThread();
    expect(wrapper.find('[data-test="discussion-read-only"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="comment-form"]').exists()).toBe(false);
  });

  it('posts a reply under its comment and says a household’s pace in Chinese', async () => {
    login('resident', 5);
    let posts = 0;
    const { calls } = stubFetch({
      'GET /api/v1/comments': { body: thread(true) },
      'POST /api/v1/comments': (init) => {
        posts += 1;
        if (posts > 1) return { status: 429, body: { error: { code: 'too_many_comments', message: 'too many' } } };
        return { status: 201, body: { ...base, id: 9, author_name: '张文博', author_role: 'resident', mine: true, status: 'visible', ...JSON.parse(String(init?.body)) } };
      },
    });
    const wrapper = await mountThread();
    await wrapper.findAll('[data-test="comment-reply"]')[0].trigger('click');
    const form = wrapper.findAll('[data-test="comment-thread"]')[0].find('[data-test="comment-form"]');
    await form.find('textarea').setValue('我家可以出力');
    expect(form.find('[data-test="comment-counter"]').text()).toBe('6/1000 字');
    await form.trigger('submit');
    await flushPromises();
    expect(JSON.parse(String(calls.find((c) => c.method === 'POST')?.init?.body))).toEqual({
      subject_type: 'proposal',
      subject_id: 7,
      parent_id: 1,
      body: '我家可以出力',
    });
    const replies = wrapper.findAll('[data-test="comment-thread"]')[0].findAll('[data-test="comment-replies"] [data-test="comment-body"]');
    expect(replies.map((r) => r.text())).toEqual(['感谢建议，已记录。', '我家可以出力']);
    const main = wrapper.find('[data-test="comment-form"]');
    await main.find('textarea').setValue('再说一条');
    await main.trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="comment-error"]').text()).toContain('每十分钟最多 5 条');
  });
});
