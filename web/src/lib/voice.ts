// Voice input (语音输入) for the request form where the browser offers the Web Speech API
// (SpeechRecognition, or webkitSpeechRecognition in Chrome and Safari). Everything the page
// needs is here, with the browser's objects passed in so tests can give fakes.

/** The part of a SpeechRecognition this feature uses. */
export interface RecognitionLike {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

export type RecognitionConstructor = new () => RecognitionLike;

/** The browser's speech recognition, or null where there is none (the 🎤 button is hidden). */
export function speechRecognitionIn(scope: object | undefined = typeof window === 'undefined' ? undefined : window): RecognitionConstructor | null {
  if (!scope) return null;
  const candidate =
    (scope as { SpeechRecognition?: unknown }).SpeechRecognition ??
    (scope as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
  return typeof candidate === 'function' ? (candidate as RecognitionConstructor) : null;
}

/** The recognition language for the page's: Mandarin on the Chinese page, English otherwise. */
export function recognitionLang(locale: string): string {
  return locale.startsWith('zh') ? 'zh-CN' : 'en-US';
}

/**
 * The description with recognised words added at its end: Chinese runs on (a full stop
 * between sentences when the text did not end with punctuation), English gets a space.
 */
export function appendRecognised(current: string, recognised: string, lang: string): string {
  const words = recognised.trim();
  if (!words) return current;
  const text = current.replace(/\s+$/, '');
  if (!text) return words;
  const endsClosed = /[。！？，、；：.!?,;:]$/.test(text);
  if (lang.startsWith('zh')) return text + (endsClosed ? '' : '。') + words;
  return `${text}${endsClosed ? '' : '.'} ${words}`;
}

export interface Listening {
  stop(): void;
}

/**
 * Starts listening: each final result is handed to `onText`; `onEnd` is called once when it
 * stops (the user stopped, silence, or an error, given as its code).
 */
export function listen(
  Recognition: RecognitionConstructor,
  lang: string,
  onText: (text: string) => void,
  onEnd: (error?: string) => void,
): Listening {
  const recognition = new Recognition();
  recognition.lang = lang;
  recognition.interimResults = false;
  recognition.continuous = false;
  recognition.maxAlternatives = 1;
  let failure: string | undefined;
  recognition.onresult = (event) => {
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      if (result.isFinal && result[0]) onText(result[0].transcript);
    }
  };
  recognition.onerror = (event) => {
    failure = event.error;
  };
  recognition.onend = () => onEnd(failure);
  recognition.start();
  return { stop: () => recognition.stop() };
}
