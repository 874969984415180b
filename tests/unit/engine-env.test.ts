// The engine's environment under other programs' load (docs/engine.md, "Under load (issue 26)"):
// threads waiting at a barrier spin only briefly before they sleep, unless the user chose.
import { describe, expect, it } from 'vitest';
import { BARRIER_SPIN, engineEnv } from '../../main/asr/engine.ts';

describe('engine environment: waiting at a barrier', () => {
  it('spins briefly (GOMP_SPINCOUNT) instead of OpenMP\'s default 300,000 times', () => {
    expect(engineEnv(2, {}).GOMP_SPINCOUNT).toBe(String(BARRIER_SPIN));
    expect(BARRIER_SPIN).toBeLessThan(300_000);
  });

  it('keeps a spin count or a waiting policy the user set, and adds nothing beside it', () => {
    expect(engineEnv(2, { GOMP_SPINCOUNT: '50000' }).GOMP_SPINCOUNT).toBe('50000');
    const passive = engineEnv(2, { OMP_WAIT_POLICY: 'passive' });
    expect(passive.OMP_WAIT_POLICY).toBe('passive');
    expect(passive.GOMP_SPINCOUNT).toBeUndefined();
    expect(engineEnv(2, { OMP_WAIT_POLICY: 'active' }).GOMP_SPINCOUNT).toBeUndefined();
  });

  it('leaves the rest of the environment as it is', () => {
    const env = engineEnv(2, { PATH: '/usr/bin', OMP_THREAD_LIMIT: '6' });
    expect(env.PATH).toBe('/usr/bin');
    expect(env.OMP_THREAD_LIMIT).toBe('6');
  });
});
