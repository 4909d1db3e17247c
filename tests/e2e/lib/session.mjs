// Logging in through the login page as a person would, with the demo's password unless told
// otherwise; every browser suite shares it.
export const DEMO_PASSWORD = 'gongzhi2026';

/** Logs `page` in as `username` and waits until the app has left /login. */
export async function logIn(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
