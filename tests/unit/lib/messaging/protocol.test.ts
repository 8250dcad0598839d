import {
  MESSAGE_TYPES,
  isEnvelope,
  isErrorReply,
  type MessageType,
} from '../../../../lib/messaging/protocol';

// Every key of ProtocolMap, written out once. The type makes the compiler reject a missing or an
// extra key, so adding a message to the map breaks `npm run typecheck` until this list and
// MESSAGE_TYPES are both updated. (ProtocolMap is an interface, so its keys do not exist at run
// time; this list is how the test can see them.)
const EVERY_TYPE: Record<MessageType, true> = {
  'app/reset': true,
  'walkthrough/start': true,
  'walkthrough/current': true,
  'walkthrough/control': true,
  'journal/quick-note': true,
  'guide/hello': true,
  'guide/event': true,
  'guide/reflect': true,
  'guide/update': true,
  'prompt/snooze': true,
  'prompt/skip': true,
  'prompt/turn-off': true,
  'prompt/status': true,
  'journal/changed': true,
};

const valid = { df: 1, type: 'app/reset', payload: {} };

describe('MESSAGE_TYPES', () => {
  it('lists every type in ProtocolMap exactly once', () => {
    expect([...MESSAGE_TYPES].sort()).toEqual(Object.keys(EVERY_TYPE).sort());
    expect(new Set(MESSAGE_TYPES).size).toBe(MESSAGE_TYPES.length);
  });
});

describe('isEnvelope', () => {
  it('accepts a well-formed message', () => {
    expect(isEnvelope(valid)).toBe(true);
    expect(isEnvelope({ ...valid, payload: { extra: 'is the handler’s business' } })).toBe(true);
  });

  it.each([undefined, null, 1, 'app/reset', true, Symbol('df'), () => valid])('rejects the non-object %s', (value) => {
    expect(isEnvelope(value)).toBe(false);
  });

  it('rejects arrays, even ones carrying the right properties', () => {
    expect(isEnvelope([])).toBe(false);
    expect(isEnvelope(Object.assign([], valid))).toBe(false);
  });

  it.each([0, 2, '1', true, undefined])('rejects df = %j', (df) => {
    expect(isEnvelope({ ...valid, df })).toBe(false);
  });

  it('rejects a message without the df marker', () => {
    const { df: _df, ...rest } = valid;
    expect(isEnvelope(rest)).toBe(false);
  });

  it.each(['app/nuke', 'APP/RESET', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'rejects the unknown type %j',
    (type) => {
      expect(isEnvelope({ ...valid, type })).toBe(false);
    },
  );

  it('rejects a type that is not a string', () => {
    expect(isEnvelope({ ...valid, type: ['app/reset'] })).toBe(false);
    expect(isEnvelope({ ...valid, type: { toString: () => 'app/reset' } })).toBe(false);
  });

  it('rejects a missing or non-object payload', () => {
    const { payload: _payload, ...noPayload } = valid;
    expect(isEnvelope(noPayload)).toBe(false);
    for (const payload of [undefined, null, 'text', 1, [], [{}]]) {
      expect(isEnvelope({ ...valid, payload })).toBe(false);
    }
  });

  it('rejects a message whose fields sit under a "__proto__" key, as JSON from a page delivers them', () => {
    // JSON.parse makes "__proto__" an own property rather than the prototype, so nothing is
    // inherited; the message must be judged on its own (empty) fields.
    const hostile = JSON.parse('{"__proto__": {"df": 1, "type": "app/reset", "payload": {}}}') as unknown;
    expect(isEnvelope(hostile)).toBe(false);
    expect(({} as Record<string, unknown>).df).toBeUndefined();
  });

  it('rejects a message whose type names an inherited property under "__proto__"', () => {
    const hostile = JSON.parse('{"df": 1, "type": "__proto__", "payload": {"__proto__": {"ok": true}}}') as unknown;
    expect(isEnvelope(hostile)).toBe(false);
  });
});

describe('isErrorReply', () => {
  it('recognises { dfError: string } and nothing else', () => {
    expect(isErrorReply({ dfError: 'Disk full' })).toBe(true);
    expect(isErrorReply({ dfError: 42 })).toBe(false);
    expect(isErrorReply({ ok: true })).toBe(false);
    expect(isErrorReply(null)).toBe(false);
    expect(isErrorReply('dfError')).toBe(false);
  });
});
