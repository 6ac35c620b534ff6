/**
 * Values fixed at build time by webpack's DefinePlugin (see addin/webpack.config.js). The dev build points
 * at the local stack and signs in with the local token issuer; the production build at the Function App and
 * Entra ID through Nested App Authentication. The dev branch is dropped from production bundles.
 */
declare const __KR_DEV__: boolean;
declare const __KR_API_BASE__: string;
declare const __KR_NAA_CLIENT_ID__: string;
declare const __KR_NAA_AUTHORITY__: string;
declare const __KR_API_SCOPE__: string;

export const isDevBuild: boolean = __KR_DEV__;
export const apiBase: string = __KR_API_BASE__;
export const naaSettings = {
  clientId: __KR_NAA_CLIENT_ID__,
  authority: __KR_NAA_AUTHORITY__,
  scope: __KR_API_SCOPE__,
};
