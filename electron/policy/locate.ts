import path from 'node:path';

/**
 * Where IT places the machine policy: a machine-wide folder that users cannot write. The platform
 * is a parameter (not process.platform) so each OS's rule is testable anywhere.
 */
export function policyPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.WENSHU_POLICY) return env.WENSHU_POLICY;
  switch (platform) {
    case 'win32':
      // A real process.env is case-insensitive on Windows; a plain object (tests) is not.
      return path.win32.join(env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData', 'Wenshu', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/Wenshu/policy.json';
    default:
      return '/etc/wenshu/policy.json';
  }
}
