import { describe, expect, it } from 'vitest';
import { appendRecognised, listen, recognitionLang, speechRecognitionIn, type RecognitionLike } from './voice';

class FakeRecognition implements RecognitionLike {
  static last: FakeRecognition | null = null;
  lang = '';
  interimResults = true;
  continuous = true;
  maxAlternatives = 5;
  started = false;
  onresult: RecognitionLike['onresult'] = null;
  onerror: RecognitionLike['onerror'] = null;
  onend: RecognitionLike['onend'] = null;
  constructor() {
    FakeRecognition.last = this;
  }
  start() {
    this.started = true;
  }
  stop() {
    this.onend?.();
  }
  say(transcript: string, isFinal = true) {
    const result = Object.assign([{ transcript }], { isFinal });
    this.onresult?.({ resultIndex: 0, results: [result] });
  }
}

describe('voice input', () => {
  it('finds the standard or the webkit-prefixed recognition, and nothing elsewhere', () => {
    expect(speechRecognitionIn({ SpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
    expect(speechRecognitionIn({ webkitSpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
    expect(speechRecognitionIn({})).toBeNull();
    expect(speechRecognitionIn({ webkitSpeechRecognition: 'not a constructor' })).toBeNull();
    expect(speechRecognitionIn(undefined)).toBeNull();
  });

  it('listens in the page’s language', () => {
    expect(recognitionLang('zh-CN')).toBe('zh-CN');
    expect(recognitionLang('en')).toBe('en-US');
  });

  it('appends recognised words to the description', () => {
    expect(appendRecognised('', '  楼道灯坏了 ', 'zh-CN')).toBe('楼道灯坏了');
    expect(appendRecognised('三号楼', '楼道灯坏了', 'zh-CN')).toBe('三号楼。楼道灯坏了');
    expect(appendRecognised('三号楼，', '楼道灯坏了', 'zh-CN')).toBe('三号楼，楼道灯坏了');
    expect(appendRecognised('Light broken', 'in building 3', 'en-US')).toBe('Light broken. in building 3');
    expect(appendRecognised('Light broken. ', 'please fix', 'en-US')).toBe('Light broken. please fix');
    expect(appendRecognised('不变', '   ', 'zh-CN')).toBe('不变');
  });

  it('hands over final results and says when it ended, with the error if any', () => {
    const texts: string[] = [];
    const ends: (string | undefined)[] = [];
    let description = '电梯';
    const listening = listen(FakeRecognition, 'zh-CN', (text) => {
      texts.push(text);
      description = appendRecognised(description, text, 'zh-CN');
    }, (error) => ends.push(error));
    const fake = FakeRecognition.last!;
    expect(fake.started).toBe(true);
    expect(fake.lang).toBe('zh-CN');
    expect(fake.interimResults).toBe(false);
    fake.say('还在', false);
    fake.say('停在五楼');
    listening.stop();
    expect(texts).toEqual(['停在五楼']);
    expect(description).toBe('电梯。停在五楼');
    expect(ends).toEqual([undefined]);

    listen(FakeRecognition, 'zh-CN', () => undefined, (error) => ends.push(error));
    FakeRecognition.last!.onerror?.({ error: 'not-allowed' });
    FakeRecognition.last!.onend?.();
    expect(ends).toEqual([undefined, 'not-allowed']);
  });
});
