import type { ProcedureSettings, ThirdParty } from '../../../domain/src/settings';
import type { Config } from '../adapters/config';

/**
 * What a letter takes from the organisation's settings rather than from the complaint: who writes, from which
 * mailbox, how long data is kept (R3, for the privacy notice) and the independent third party (R13).
 */
export interface LetterSettings {
  organisationName: string;
  /** The complaints mailbox the letters are sent from and replies go to. */
  mailbox: string;
  retentionYears: number;
  thirdParty: ThirdParty;
  /** Lines under "Met vriendelijke groet,"; default: the handler's name, the organisation and the mailbox. */
  signature?: readonly string[];
}

/** `procedure`: the organisation's current settings (stored, or the app settings before the first save). */
export function letterSettingsFrom(config: Config, procedure: ProcedureSettings): LetterSettings {
  return {
    organisationName: config.organisationName,
    mailbox: config.graph.mailbox,
    retentionYears: procedure.retentionYears,
    thirdParty: procedure.thirdParty,
  };
}
