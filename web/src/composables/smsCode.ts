// Asking for a code by SMS: the button waits 60 seconds between sends (the server allows one a
// minute per number) and says so; errors come back in the page's words.
import { computed, onBeforeUnmount, ref } from 'vue';
import { onboardingApi, type OtpPurpose } from '../api/onboarding';

export function useSmsCode(purpose: OtpPurpose) {
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
  return { send, sending, sent, wait, canSend: computed(() => !sending.value && wait.value <= 0) };
}
