import type en from '../../public/_locales/en_GB/messages.json';

/** Every UI string's key. The en-GB catalogue is the source of truth; Welsh (cy) will mirror it. */
export type MessageKey = keyof typeof en;
