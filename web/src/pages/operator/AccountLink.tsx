// The account as the operator console shows it everywhere: its name, linked to its page; the id
// only when the account has no name to show (gone, or not traced to one).
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';

export function AccountLink(props: {
  id: string | null;
  name: string | null;
  none?: string;
  size?: string;
  /** false inside a row that opens on click: the name as text, so a click anywhere opens the row. */
  link?: boolean;
}) {
  if (!props.id) return <Text size={props.size ?? 'sm'}>{props.none ?? '—'}</Text>;
  if (props.link === false)
    return (
      <Text size={props.size ?? 'sm'} title={props.id} data-testid="account-name">
        {props.name ?? props.id}
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={`/operator/accounts/${encodeURIComponent(props.id)}`}
      size={props.size ?? 'sm'}
      data-testid="account-link"
      title={props.id}
      onClick={(e) => e.stopPropagation()}
    >
      {props.name ?? props.id}
    </Anchor>
  );
}
