import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLockFile, type LockFile } from '../src/config/lock-file';
import type { LandingZoneModel } from '../src/model/types';
import { modelOf, PROJECT_DIR, tempDir, validateYaml } from './helpers';

/** Validates org.yaml text the way lz does, with `lock` as the lz.lock.json next to it. */
export function modelWithLock(text: string, lock?: LockFile): LandingZoneModel {
  const dir = tempDir('lz-network-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  if (lock) writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock));
  return modelOf(validateYaml(text, dir));
}
