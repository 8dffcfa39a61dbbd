// spectral's `spectral:oas` (recommended rules), run by `cargo xtask test`
// (docs/LINT.md). One change: `oas3-valid-schema-example` looks for schema
// objects under any `content`, `headers` or `parameters` key, so it also
// takes an example *value* for a schema when the value happens to have
// `type` and `default` members (a DNS record set does: `"type": "A"`,
// `"default": false`) and reports it as an invalid schema. Here it is
// pointed at the `schema` of each media type, header and parameter (and at
// the components' schemas, as before), which is what it means to check;
// example values are checked by `oas3-valid-media-example`.
const { oas } = require("@stoplight/spectral-rulesets");

const base = oas.rules["oas3-valid-schema-example"];
const hasExample =
  "@ && (@ && @.example !== void 0 || @.default !== void 0) && (@.enum || @.type || @.format || @.$ref || @.properties || @.items)";
const schemaWithExample = `[?(@property !== 'properties' && ${hasExample})]`;
// A `schema` member with an example or default, and any schema inside it.
const schemaOf = (owner) => [
  `${owner}[?(@property === 'schema' && ${hasExample})]`,
  `${owner}.schema..${schemaWithExample}`,
];

module.exports = {
  extends: [[oas, "recommended"]],
  rules: {
    "oas3-valid-schema-example": {
      ...base,
      given: [
        `$.components.schemas..${schemaWithExample}`,
        ...schemaOf("$..content.*"),
        ...schemaOf("$..headers.*"),
        ...schemaOf("$..parameters[*]"),
      ],
    },
  },
};
