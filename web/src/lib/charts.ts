// ECharts, loaded on demand with only the parts the console uses, so pages without charts
// (and every resident page) never download it. It draws on a canvas; the styles it sets go
// through the CSSOM, which the server's Content-Security-Policy allows.
export async function loadECharts() {
  return (await import('./echarts-setup')).echarts;
}
