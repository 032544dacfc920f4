export { type CompiledRule, type CompiledRuleSet, type CompileOptions, compileRules, isPlausible, type Plausibility } from './compile.js';
export { evaluate } from './evaluate.js';
export {
  ARTICLE_14_ITEM_KEY,
  applyOverride,
  checkRuleOverride,
  type EffectiveRules,
  effectiveRules,
  hasParam,
  type MajorHazardIndication,
  type OverrideCheck,
  ruleParams,
} from './overrides.js';
export { cloneState, createDeviceState, restoreState, retireRules } from './state.js';
export { decodeState, encodeState, type StoredDeviceStateV2 } from './state-codec.js';
export type { DeviceRuleState, EvaluateResult, EvaluateStats, OpenCondition, Reading, RuleEvent, RuleTrack, SignalTrack } from './types.js';
