/** Loading `sop.config.json`: lookup, validation, the resolved configuration and its schema. */
export { parseConfig, CONFIG_FILE_NAME, LEVELS, type ParsedConfig } from './parse-config';
export { defaultConfig, EXPORT_PLATFORMS, type SopConfig, type RuleSetting, type ExportSettings, type ExportPlatform, type PlatformValues } from './types';
export { findNearestConfig, type FoundConfig } from './find-config';
export { buildConfigSchema, schemaRuleIds } from './config-schema';
export { matcherForConfig } from './matcher-for-config';
export { nearest, didYouMean } from './nearest';
