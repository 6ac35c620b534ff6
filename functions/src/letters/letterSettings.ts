import type { ProcedureSettings, ThirdParty } from '../../../domain/src/settings';

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

/** The parts of the app's configuration a letter takes its settings from. */
export interface LetterSettingsSource {
  organisationName: string;
  graph: { mailbox: string };
}

/** `procedure`: the organisation's current settings (stored, or the app settings before the first save). */
export function letterSettingsFrom(
  config: LetterSettingsSource,
  procedure: Pick<ProcedureSettings, 'retentionYears' | 'thirdParty'>,
): LetterSettings {
  return {
    organisationName: config.organisationName,
    mailbox: config.graph.mailbox,
    retentionYears: procedure.retentionYears,
    thirdParty: procedure.thirdParty,
  };
}
