import { loadText, MAX_FILE_BYTES } from '../../src/config/load';
import { validateText } from '../../src/pipeline';

describe('loading org.yaml', () => {
  test('maps YAML paths back to line and column', () => {
    const loaded = loadText('a:\n  b:\n    - x\n    - y: 1\n');
    if (!loaded.ok) throw new Error('expected ok');
    expect(loaded.source.locate(['a', 'b', 1, 'y'])).toEqual({ line: 4, col: 10 });
    expect(loaded.source.locate(['a', 'b', 1, 'y'], true)).toEqual({ line: 4, col: 7 });
    expect(loaded.source.locate(['a', 'missing', 'deeper'])).toEqual({ line: 2, col: 3 });
  });

  test('a file with a NUL byte is refused as binary', () => {
    const r = loadText(Buffer.from([0x6f, 0x72, 0x67, 0x0a, 0x00, 0xff]));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['LZ0005', 2]]);
  });

  test('bytes that are not UTF-8 are refused', () => {
    const r = loadText(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28]));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LZ0005']);
  });

  test('a buffer over the size limit is refused before parsing', () => {
    const r = loadText(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    expect(r.diagnostics.map((d) => d.message)).toEqual([`The file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} bytes (8 MiB).`]);
  });

  test('all YAML errors of a file are reported together', () => {
    const r = loadText('a: 1\na: 2\nb:\n  c: 1\n  c: 2\n');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['LZ0003', 2], ['LZ0003', 5]]);
  });

  test('a byte-order mark is accepted', () => {
    expect(loadText('\ufeffa: 1\n').ok).toBe(true);
  });
});

describe('schema diagnostics', () => {
  test('an unknown key suggests the closest known key', () => {
    const v = validateText('organization:\n  name: x\n  homeRegion: us-east-1\n  managementAcount: m\naccounts: {}\n');
    const unknown = v.diagnostics.find((d) => d.code === 'LZ0011')!;
    expect(unknown).toMatchObject({ line: 4, col: 3, message: 'Unknown key `managementAcount`.', fix: 'Did you mean `managementAccount`? Rename the key, or remove it.' });
  });

  test('an unknown key far from every known key lists the allowed keys', () => {
    const v = validateText('organization:\n  name: x\n  homeRegion: us-east-1\n  managementAccount: m\n  zzzzzzzz: 1\naccounts: {}\n');
    expect(v.diagnostics.find((d) => d.code === 'LZ0011')!.fix).toBe(
      'Remove it; the keys allowed here are: accessRoleName, allowedRegions, controlTower, enabledPolicyTypes, homeRegion, id, managementAccount, name, partition, policies, serviceAccessPrincipals.',
    );
  });

  test('schema errors of every section are reported at once', () => {
    const v = validateText('organization:\n  name: 1\n  homeRegion: us-east-1\n  managementAccount: m\naccounts:\n  a: { name: A, email: 5, ou: Root }\npolicies: []\n');
    expect(v.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['LZ0010 2:9', 'LZ0010 6:24', 'LZ0010 7:11']);
  });

  test('the validator does not throw on scalars, lists or nulls at the top', () => {
    for (const text of ['42', '[1, 2]', 'null', '"text"', '~', 'organization:']) {
      const v = validateText(text);
      expect(v.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
