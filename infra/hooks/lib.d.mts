// Types for lib.mjs, so the TypeScript tests can import it.
export declare const LOCAL_SETTING_NAMES: readonly string[];
export declare const OPTIONAL_LOCAL_SETTING_NAMES: readonly string[];
export declare function parseEnvValues(text: string): Record<string, string>;
export interface LocalSettings {
  IsEncrypted?: boolean;
  Values?: Record<string, string>;
  [key: string]: unknown;
}
export declare function mergeLocalSettings(
  existing: LocalSettings | null | undefined,
  envValues: Record<string, string>,
): { settings: LocalSettings & { IsEncrypted: false; Values: Record<string, string> }; missing: string[] };
export declare function httpsOrigin(url: string, name?: string): string;
export declare function setApiBase(html: string, apiUrl: string): string;
export declare function allowConnectTo(
  configText: string,
  apiUrl: string,
  directivesToExtend?: readonly string[],
  label?: string,
): string;
export declare function allowVoiceTo(configText: string, endpoint: string): string;
