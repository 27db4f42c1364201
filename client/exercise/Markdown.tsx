import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, withoutRepeatedTitle, type Block, type Inline } from './markdown.js';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

/** Scenario headings start below the section's own title, so the page keeps one outline. */
const headingTags = ['h3', 'h4', 'h5', 'h6'] as const;

function renderBlock(block: Block, i: number, headingBase: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = headingTags[Math.min(headingTags.length - 1, Math.max(0, block.level - 1 + headingBase))]!;
      return <Tag key={i}>{renderInline(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{renderInline(block.children)}</p>;
    case 'rule':
      return <hr key={i} />;
    case 'list': {
      const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
  }
}

/**
 * Scenario Markdown as React elements (never as HTML): safe whatever the scenario author wrote.
 * `headingBase` shifts headings down when the text sits under a sub-title; `title` is that sub-title,
 * so that a first heading repeating it is not shown twice.
 */
export function Markdown({ text, headingBase = 0, className, title }: { text: string; headingBase?: number; className?: string; title?: string }) {
  const blocks = title ? withoutRepeatedTitle(parseMarkdown(text), title) : parseMarkdown(text);
  return <div className={`markdown ${className ?? ''}`}>{blocks.map((b, i) => renderBlock(b, i, headingBase))}</div>;
}
