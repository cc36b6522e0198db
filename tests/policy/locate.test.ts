import { policyPath } from '../../electron/policy/locate';

describe('policyPath', () => {
  test('Windows: %ProgramData%\\Wenshu\\policy.json', () => {
    expect(policyPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Wenshu\\policy.json');
    expect(policyPath({ PROGRAMDATA: 'E:\\PD' }, 'win32')).toBe('E:\\PD\\Wenshu\\policy.json');
    expect(policyPath({}, 'win32')).toBe('C:\\ProgramData\\Wenshu\\policy.json');
  });

  test('Linux and other unix: /etc/wenshu/policy.json', () => {
    expect(policyPath({}, 'linux')).toBe('/etc/wenshu/policy.json');
    expect(policyPath({}, 'freebsd')).toBe('/etc/wenshu/policy.json');
  });

  test('macOS: /Library/Application Support/Wenshu/policy.json', () => {
    expect(policyPath({}, 'darwin')).toBe('/Library/Application Support/Wenshu/policy.json');
  });

  test('WENSHU_POLICY overrides on every platform; empty means unset', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(policyPath({ WENSHU_POLICY: '/tmp/trial.json', ProgramData: 'D:\\PD' }, platform)).toBe('/tmp/trial.json');
    }
    expect(policyPath({ WENSHU_POLICY: '' }, 'linux')).toBe('/etc/wenshu/policy.json');
  });
});
