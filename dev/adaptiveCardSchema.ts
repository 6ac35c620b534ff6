/**
 * The subset of the Adaptive Card 1.5 schema (adaptivecards.io/schemas/1.5.0/adaptive-card.json) that the
 * weekly summary uses, as JSON Schema draft-07 for ajv: the card's envelope for a Teams Workflows webhook, the
 * card, TextBlock, FactSet and Action.OpenUrl with the properties and enums the full schema gives them. Unknown
 * properties are refused, so a typo (`weigth`) fails here instead of rendering silently wrong in Teams.
 */
const textBlock = {
  type: 'object',
  required: ['type', 'text'],
  additionalProperties: false,
  properties: {
    type: { const: 'TextBlock' },
    text: { type: 'string' },
    weight: { enum: ['Default', 'Lighter', 'Bolder'] },
    size: { enum: ['Default', 'Small', 'Medium', 'Large', 'ExtraLarge'] },
    color: { enum: ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'] },
    wrap: { type: 'boolean' },
    isSubtle: { type: 'boolean' },
    spacing: { enum: ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'] },
    separator: { type: 'boolean' },
  },
} as const;

const factSet = {
  type: 'object',
  required: ['type', 'facts'],
  additionalProperties: false,
  properties: {
    type: { const: 'FactSet' },
    facts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title', 'value'],
        additionalProperties: false,
        properties: { title: { type: 'string' }, value: { type: 'string' } },
      },
    },
    spacing: { enum: ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'] },
    separator: { type: 'boolean' },
  },
} as const;

const openUrl = {
  type: 'object',
  required: ['type', 'url'],
  additionalProperties: false,
  properties: {
    type: { const: 'Action.OpenUrl' },
    title: { type: 'string' },
    url: { type: 'string', format: 'uri' },
  },
} as const;

export const adaptiveCardSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['type', 'version', 'body'],
  additionalProperties: false,
  properties: {
    type: { const: 'AdaptiveCard' },
    $schema: { type: 'string', format: 'uri' },
    version: { type: 'string', pattern: '^1\\.[0-5]$' },
    body: { type: 'array', items: { oneOf: [textBlock, factSet] } },
    actions: { type: 'array', items: openUrl },
    msteams: { type: 'object' },
  },
} as const;

/** What a Teams Workflows webhook accepts: a message whose attachments are Adaptive Cards. */
export const teamsMessageSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['type', 'attachments'],
  additionalProperties: false,
  properties: {
    type: { const: 'message' },
    attachments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['contentType', 'content'],
        additionalProperties: false,
        properties: {
          contentType: { const: 'application/vnd.microsoft.card.adaptive' },
          contentUrl: { type: 'null' },
          content: adaptiveCardSchema,
        },
      },
    },
  },
} as const;
