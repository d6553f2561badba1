/** Builds card text for tests: valid by default, with any field or section replaced. */
export function cardText(options: { frontmatter?: string; body?: string; extraFrontmatter?: string } = {}): string {
  const frontmatter =
    options.frontmatter ??
    `title: "Negative caching"\ntags: [dns, caching]\ndifficulty: medium\nestimated_time: 12min${options.extraFrontmatter ? `\n${options.extraFrontmatter}` : ''}`;
  const body =
    options.body ??
    [
      '## Overview',
      'A resolver remembers that a **name does not exist**.',
      '',
      '## When to Use',
      'Always.',
      '',
      '## Trade-offs & Gotchas',
      '- A new record stays invisible until the negative entry expires.',
      '',
      '## Key Points for Interviews',
      '- The negative TTL is the **minimum of the SOA TTL and MINIMUM**.',
      '- NXDOMAIN is **RCODE 3**.',
      '',
    ].join('\n');
  return `---\n${frontmatter}\n---\n\n${body}`;
}
