import type { ExportInput } from './types';

/** The policy's default wording: names AI (人工智能) and generation (生成), as GB 45438 §5.1 asks. */
export const DEFAULT_LABEL_TEXT = '本文件包含人工智能生成内容，请核实后使用';

/**
 * The implicit label of GB 45438-2025 Annex E: exactly these 7 keys, in this order (the order of
 * the object literal is the order JSON.stringify writes). ContentPropagator and PropagateID are
 * for a distribution platform and the reserved codes for a signature: the producer leaves them
 * empty.
 */
export interface AigcMetadata {
  Label: '1';
  ContentProducer: string;
  ProduceID: string;
  ReservedCode1: '';
  ContentPropagator: '';
  PropagateID: '';
  ReservedCode2: '';
}

export const AIGC_KEYS = [
  'Label',
  'ContentProducer',
  'ProduceID',
  'ReservedCode1',
  'ContentPropagator',
  'PropagateID',
  'ReservedCode2',
] as const;

export function aigcMetadata(input: ExportInput): AigcMetadata {
  return {
    Label: '1', // 属于人工智能生成合成内容: every export is a model draft a person approved
    ContentProducer: input.aigc.contentProducer,
    ProduceID: `${input.draftId}#v${input.version}`,
    ReservedCode1: '',
    ContentPropagator: '',
    PropagateID: '',
    ReservedCode2: '',
  };
}

/** The JSON text stored in docx/pdf metadata. */
export const aigcJson = (input: ExportInput): string => JSON.stringify(aigcMetadata(input));

/** The visible label, or null when the policy turns it off. A blank wording falls back to the default. */
export function visibleLabel(input: ExportInput): string | null {
  if (!input.aigc.visibleLabel) return null;
  const text = input.aigc.labelText.replace(/\s+/g, ' ').trim();
  return text || DEFAULT_LABEL_TEXT;
}
