/** Gives the pane an access token for the Klachtenregister API. */
export interface TokenProvider {
  getToken(): Promise<string>;
}
