// "Measure on this computer", the pure rules: which installed model is recommended from the
// measured speeds, when the settings move to the model recommended for Arabic once it is
// installed, which model the transcript tab selects, and when a stored measure still holds.
import { describe, expect, it } from 'vitest';
import { ARABIC_DEFAULT_MODEL, MODEL_CATALOGUE } from '../../main/asr/catalogue.ts';
import { REALTIME_RTF_LIMIT, recommendModel, secondsPerHour } from '../../main/asr/calibration/recommend.ts';
import { measureHolds, type Measure } from '../../main/asr/calibration/store.ts';
import { modelAfterInstall } from '../../main/asr/default-model.ts';
import { initialModel } from '../../renderer/features/transcript/model-choice.ts';

const rank = (id: string) => MODEL_CATALOGUE.find((c) => c.id === id)!.accuracyRank!;
const c = (id: string, rtf: number | null) => ({ id, accuracyRank: rank(id), rtf });

describe('recommended model', () => {
  it('is the most accurate measured model that keeps up with real time, with the margin', () => {
    expect(recommendModel([c('base', 0.2), c('small', 0.5), c('large-v3-turbo-q5_0', 0.7)])).toBe('large-v3-turbo-q5_0');
    // 0.9 keeps up, but not with the margin: the next most accurate does.
    expect(recommendModel([c('base', 0.2), c('small', 0.5), c('large-v3-turbo-q5_0', 0.9)])).toBe('small');
    expect(recommendModel([c('small', REALTIME_RTF_LIMIT)])).toBe('small');
    expect(REALTIME_RTF_LIMIT).toBeLessThan(1);
  });

  it('is none when no measured model keeps up, or nothing was measured', () => {
    expect(recommendModel([c('base', 1.4), c('medium', 6)])).toBeNull();
    expect(recommendModel([c('base', null), c('large-v3-turbo', null)])).toBeNull();
    expect(recommendModel([])).toBeNull();
  });

  it('never recommends a model for trying the app only (tiny, base), however fast', () => {
    const trial = (id: string, rtf: number) => ({ ...c(id, rtf), trial: MODEL_CATALOGUE.find((m) => m.id === id)!.use === 'trial' });
    expect(recommendModel([trial('base', 0.1), trial('tiny', 0.05)])).toBeNull();
    expect(recommendModel([trial('base', 0.1), trial('small', 0.6)])).toBe('small');
  });

  it('never recommends a model of unknown accuracy (imported), however fast', () => {
    expect(recommendModel([{ id: 'my-arabic-finetune', accuracyRank: null, rtf: 0.1 }, c('base', 0.3)])).toBe('base');
    expect(recommendModel([{ id: 'my-arabic-finetune', accuracyRank: null, rtf: 0.1 }])).toBeNull();
  });

  it('ranks the catalogue by accuracy: large-v3-turbo > medium > small > base > tiny, each quantised file just below its original', () => {
    const order = [...MODEL_CATALOGUE].sort((a, b) => b.accuracyRank! - a.accuracyRank!).map((m) => m.id);
    expect(order).toEqual(['large-v3-turbo', 'large-v3-turbo-q5_0', 'medium', 'medium-q5_0', 'small', 'small-q5_1', 'base', 'base-q5_1', 'tiny', 'tiny-q5_1']);
  });

  it('says how long one hour of audio takes', () => {
    expect(secondsPerHour(0.5)).toBe(1800);
    expect(secondsPerHour(0.1234)).toBe(444);
  });
});

describe('catalogue: what each model is for', () => {
  it('recommends large-v3-turbo-q5_0 for Arabic, and base and tiny for trying the app only', () => {
    expect(ARABIC_DEFAULT_MODEL).toBe('large-v3-turbo-q5_0');
    const use = Object.fromEntries(MODEL_CATALOGUE.map((m) => [m.id, m.use ?? null]));
    expect(use).toMatchObject({ 'large-v3-turbo-q5_0': 'arabic', base: 'trial', 'base-q5_1': 'trial', tiny: 'trial', 'tiny-q5_1': 'trial', small: null, medium: null, 'large-v3-turbo': null });
    expect(MODEL_CATALOGUE.filter((m) => m.use === 'arabic')).toHaveLength(1);
  });
});

describe('the settings model once the Arabic default is installed', () => {
  const withDefault = ['base', ARABIC_DEFAULT_MODEL];
  it('switches from no choice, a model no longer installed, or a trial model', () => {
    expect(modelAfterInstall(null, withDefault)).toBe(ARABIC_DEFAULT_MODEL);
    expect(modelAfterInstall('medium', withDefault)).toBe(ARABIC_DEFAULT_MODEL); // not installed
    expect(modelAfterInstall('base', withDefault)).toBe(ARABIC_DEFAULT_MODEL);
    expect(modelAfterInstall('tiny-q5_1', ['tiny-q5_1', ARABIC_DEFAULT_MODEL])).toBe(ARABIC_DEFAULT_MODEL);
  });

  it('keeps a real choice, and does nothing until the default is installed', () => {
    expect(modelAfterInstall('small', ['small', ARABIC_DEFAULT_MODEL])).toBeNull();
    expect(modelAfterInstall('large-v3-turbo', ['large-v3-turbo', ARABIC_DEFAULT_MODEL])).toBeNull();
    expect(modelAfterInstall('my-import', ['my-import', ARABIC_DEFAULT_MODEL])).toBeNull();
    expect(modelAfterInstall(ARABIC_DEFAULT_MODEL, withDefault)).toBeNull();
    expect(modelAfterInstall('base', ['base', 'small'])).toBeNull();
    expect(modelAfterInstall(null, ['base'])).toBeNull();
  });
});

describe('the model the transcript tab selects', () => {
  const m = (id: string, installed: boolean, use: 'arabic' | 'trial' | null = null) => ({ id, installed, use });
  const list = [m('tiny', false, 'trial'), m('base', true, 'trial'), m('small', true), m(ARABIC_DEFAULT_MODEL, true, 'arabic')];
  it('the settings model when installed, else the Arabic default, else the first installed', () => {
    expect(initialModel(list, 'small')).toBe('small');
    expect(initialModel(list, null)).toBe(ARABIC_DEFAULT_MODEL);
    expect(initialModel(list, 'tiny')).toBe(ARABIC_DEFAULT_MODEL); // not installed
    expect(initialModel([m('base', true, 'trial'), m(ARABIC_DEFAULT_MODEL, false, 'arabic')], null)).toBe('base');
    expect(initialModel([m('base', false)], null)).toBe('');
  });
});

describe('a stored measure', () => {
  const setup = { threads: 2, vad: true, engine: '123:456', sample: 'abc', decoding: '{"beamSize":4}' };
  const measure: Measure = { modelId: 'base', sizeBytes: 10, sha256: 'f'.repeat(64), ...setup, audioSec: 29.2, wallSec: 9, encoderWindows: 1, encoderSecPerWindow: 0.8, rtf: 0.31, measuredAt: '2025-01-01T00:00:00Z' };
  const model = { id: 'base', sizeBytes: 10, sha256: 'f'.repeat(64) };
  it('holds only for the same model file, threads, voice detection, engine, sample and decoding', () => {
    expect(measureHolds(measure, model, setup)).toBe(true);
    expect(measureHolds(measure, { ...model, sizeBytes: 11 }, setup)).toBe(false);
    expect(measureHolds(measure, { ...model, sha256: 'e'.repeat(64) }, setup)).toBe(false);
    expect(measureHolds(measure, model, { ...setup, threads: 4 })).toBe(false);
    expect(measureHolds(measure, model, { ...setup, vad: false })).toBe(false);
    expect(measureHolds(measure, model, { ...setup, engine: '124:456' })).toBe(false);
    expect(measureHolds(measure, model, { ...setup, sample: 'abd' })).toBe(false);
    // An update that changes the decoding defaults makes the old speed wrong.
    expect(measureHolds(measure, model, { ...setup, decoding: '{"beamSize":5}' })).toBe(false);
    // A calibration.json written before the field existed.
    const { decoding: _, ...older } = measure;
    expect(measureHolds(older as Measure, model, setup)).toBe(false);
  });
});
