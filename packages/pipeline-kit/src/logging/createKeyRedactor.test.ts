import { describe, expect, it } from '@jest/globals';
import { createKeyRedactor } from './createKeyRedactor.js';

const redact = createKeyRedactor(['password', 'apiKey', 'authorization']);

describe('createKeyRedactor', () => {
  it.each([
    ['a string at the top', '{"password":"p\\"w,}","x":1}', '{"password":"[redacted]","x":1}'],
    ['a number, last in its object', '{"a":{"password":1234}}', '{"a":{"password":"[redacted]"}}'],
    ['any case and depth', '{"a":{"b":{"c":{"d":{"APIKEY":"k","Authorization":"Bearer t"}}}}}', '{"a":{"b":{"c":{"d":{"APIKEY":"[redacted]","Authorization":"[redacted]"}}}}}'],
    ['an object value with nested strings', '{"password":{"old":"a}","new":["b",{"c":"]"}]},"y":true}', '{"password":"[redacted]","y":true}'],
    ['an array value', '{"apiKey":["k1","k2"],"z":null}', '{"apiKey":"[redacted]","z":null}'],
    ['booleans and null', '{"password":null,"apiKey":false}', '{"password":"[redacted]","apiKey":"[redacted]"}'],
  ])('redacts %s', (_label, line, expected) => {
    expect(redact(line)).toBe(expected);
    expect(JSON.parse(redact(line))).toEqual(JSON.parse(expected));
  });

  it.each([
    ['similar keys', '{"passwordHint":"h","myapiKey":"k"}'],
    ['the key name inside a string', '{"msg":"set \\"password\\": done","note":"password:"}'],
  ])('leaves %s alone', (_label, line) => {
    expect(redact(line)).toBe(line);
  });
});
