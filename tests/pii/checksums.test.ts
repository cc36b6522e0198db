import { isValidCreditCode, isValidOrgCode, isValidResidentId, luhn } from '../../shared/pii/checksums';

/** Every single-character substitution of `s` over `alphabet`. */
function* mutations(s: string, alphabet: string): Generator<string> {
  for (let i = 0; i < s.length; i++) {
    for (const c of alphabet) if (c !== s[i]) yield s.slice(0, i) + c + s.slice(i + 1);
  }
}

/** An ID with the check character computed, for building edge cases. */
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('isValidResidentId (GB 11643)', () => {
  const today = new Date(2026, 2, 5);

  test('the DOMAIN.md example and a check character X (either case)', () => {
    expect(isValidResidentId('360426199101010071')).toBe(true);
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  test('any single-character change is caught', () => {
    for (const m of mutations('360426199101010071', '0123456789X')) expect(isValidResidentId(m)).toBe(false);
    for (const m of mutations('11010519491231002X', '0123456789X')) expect(isValidResidentId(m)).toBe(false);
  });

  test('adjacent transpositions are caught', () => {
    const id = '360426199101010071';
    for (let i = 0; i < 17; i++) {
      if (id[i] === id[i + 1]) continue;
      const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      expect(isValidResidentId(swapped)).toBe(false);
    }
  });

  test('the birth date must have existed and not lie in the future', () => {
    expect(isValidResidentId(withCheck('11010520000229001'), today)).toBe(true); // leap day
    expect(isValidResidentId(withCheck('11010519000229001'), today)).toBe(false); // 1900 was no leap year
    expect(isValidResidentId(withCheck('11010519990230001'), today)).toBe(false);
    expect(isValidResidentId(withCheck('11010519991301001'), today)).toBe(false);
    expect(isValidResidentId(withCheck('11010519990100001'), today)).toBe(false);
    expect(isValidResidentId(withCheck('11010518991231001'), today)).toBe(false);
    expect(isValidResidentId(withCheck('11010519000101001'), today)).toBe(true);
    expect(isValidResidentId(withCheck('11010520260305001'), today)).toBe(true); // born today
    expect(isValidResidentId(withCheck('11010520260306001'), today)).toBe(false); // tomorrow
    expect(isValidResidentId(withCheck('11010520990101001'), today)).toBe(false);
  });

  test('region: a province-level code, never starting with 0', () => {
    expect(isValidResidentId(withCheck('01010519491231002'))).toBe(false);
    expect(isValidResidentId(withCheck('99010519491231002'))).toBe(false);
    expect(isValidResidentId(withCheck('65010519491231002'))).toBe(true);
  });

  test('shape: exactly 18 characters, digits and a final X only', () => {
    for (const s of ['', '36042619910101007', '3604261991010100711', ' 360426199101010071', '36042619910101007X1']) {
      expect(isValidResidentId(s)).toBe(false);
    }
    expect(isValidResidentId('36042619910101X071')).toBe(false);
    expect(isValidResidentId('３６０４２６１９９１０１０１００７１')).toBe(false);
  });
});

describe('isValidCreditCode (GB 32100)', () => {
  test('the DOMAIN.md example and an all-digit code', () => {
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(isValidCreditCode('911101081234560169')).toBe(true);
  });

  test('any single-character change is caught', () => {
    for (const m of mutations('91110000600037341L', '0123456789ABCDEFGHJKLMNPQRTUWXY')) {
      expect(isValidCreditCode(m)).toBe(false);
    }
  });

  test('letters outside the alphabet (I O S V Z), lower case and wrong lengths are refused', () => {
    for (const c of 'IOSVZ') expect(isValidCreditCode(`91110000600037341${c}`)).toBe(false);
    expect(isValidCreditCode('91110000600037341l')).toBe(false);
    expect(isValidCreditCode('91110000600037341')).toBe(false);
    expect(isValidCreditCode('91110000600037341LL')).toBe(false);
  });

  test('its positions 9–17 are a 组织机构代码 (GB 11714)', () => {
    expect(isValidOrgCode('600037341')).toBe(true);
    expect(isValidOrgCode('600037342')).toBe(false);
    expect(isValidOrgCode('60003734')).toBe(false);
  });
});

describe('luhn', () => {
  test('the DOMAIN.md example and a UnionPay number', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('6222021234567890128')).toBe(true);
  });

  test('any single-digit change is caught', () => {
    for (const m of mutations('4111111111111111', '0123456789')) expect(luhn(m)).toBe(false);
  });

  test('only digits', () => {
    expect(luhn('')).toBe(false);
    expect(luhn('4111 1111 1111 1111')).toBe(false);
    expect(luhn('41111111111111x1')).toBe(false);
  });
});
