// Asking for a code by SMS: the button waits 60 seconds between sends (the server allows one a
// minute per number) and says so; errors come back in the page's words.
import { computed, onBeforeUnmount, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { onboardingApi, type OtpPurpose } from '../api/onboarding';
import { useErrorText } from './errors';

/** An 11-digit mainland mobile, as typed (spaces and dashes allowed). */
export function isMobile(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text.replace(/[\s-]/g, ''));
}

/** The password fields' own checks, before the server's policy: a message key, or null. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < 8) return 'register.passwordShort';
  if (password !== confirm) return 'register.passwordMismatch';
  return null;
}

export function useSmsCode(purpose: OtpPurpose, mobile: Ref<string>, errors: Ref<Record<string, string>>) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const wait = ref(0);
  const sending = ref(false);
  const sent = ref(false);
  let timer: ReturnType<typeof setInterval> | null = null;

  function countDown(seconds: number) {
    wait.value = seconds;
    if (timer) clearInterval(timer);
    timer = setInterval(() => {
      wait.value -= 1;
      if (wait.value <= 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    }, 1000);
  }
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });

  async function send(mobile: string): Promise<void> {
    sending.value = true;
    try {
      await onboardingApi.sendCode(mobile, purpose);
      sent.value = true;
      countDown(60);
    } finally {
      sending.value = false;
    }
  }
  const mobileOk = computed(() => isMobile(mobile.value));

  /** Sends a code to the mobile typed, or says beside it what is wrong. */
  async function sendCode(): Promise<void> {
    errors.value = {};
    if (!mobileOk.value) {
      errors.value.mobile = t('register.mobileInvalid');
      return;
    }
    try {
      await send(mobile.value);
    } catch (caught) {
      errors.value.mobile = errorText(caught);
    }
  }
  return { sendCode, mobileOk, sending, sent, wait, canSend: computed(() => !sending.value && wait.value <= 0) };
}
