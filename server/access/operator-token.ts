import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from './secrets.js';

/**
 * The operator token (creates rooms): from OPERATOR_TOKEN, else the one saved in DATA_DIR,
 * else a new one saved there (mode 0600) so that it survives restarts.
 */
export function resolveOperatorToken(dataDir: string, fromEnv: string | undefined): { token: string; generated: boolean } {
  if (fromEnv) return { token: fromEnv, generated: false };
  const file = join(dataDir, 'operator-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false };
  const token = newToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}
