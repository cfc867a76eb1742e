// Team: members and pending invitations; the owner invites and removes (ACC-03).
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../components/format.ts';
import { fieldError, fieldErrors } from '../components/errors.ts';
import { ServiceNotice, useService } from '../components/ServiceGate.tsx';
import { errorMessage, notifyOk } from '../notify.ts';
import { useApi, useMe } from '../session.tsx';
import type { TeamView as TeamInfo } from '../../../src/core/accounts/team.ts';

export function Team() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const me = useMe().data;
  const isOwner = me?.account?.role === 'owner';
  const team = useQuery({ queryKey: ['team'], queryFn: () => api.get<TeamInfo>('/team') });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const refresh = () => void client.invalidateQueries({ queryKey: ['team'] });
  const gate = useService('team');

  const invite = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<unknown>('/team/invitations', { email, role }),
    onSuccess: () => {
      notifyOk(t('team.invited', { email }));
      setEmail('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.del<void>(`/team/members/${encodeURIComponent(userId)}`),
    onSuccess: () => {
      notifyOk(t('team.removed'));
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };

  return (
    <Stack>
      <Title order={2}>{t('team.title')}</Title>
      <ServiceNotice service="team" />
      <Title order={4}>{t('team.members')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auth.name')}</Table.Th>
            <Table.Th>{t('auth.email')}</Table.Th>
            <Table.Th>{t('team.role')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.data?.members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                {m.name}
                {m.userId === me?.user.id && (
                  <Badge ml="xs" size="xs" variant="light">
                    {t('team.you')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>{t(`role.${m.role}`, m.role)}</Table.Td>
              <Table.Td>
                {isOwner && m.userId !== me?.user.id && (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    disabled={!gate.allowed}
                    title={gate.hint}
                    onClick={() => window.confirm(t('team.removeConfirm', { email: m.email })) && remove.mutate(m.userId)}
                  >
                    {t('team.remove')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(team.data?.invitations.length ?? 0) > 0 && (
        <>
          <Title order={4}>{t('team.invitations')}</Title>
          <Table>
            <Table.Tbody>
              {team.data?.invitations.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{t(`role.${i.role}`, i.role)}</Table.Td>
                  <Table.Td>
                    {t('team.expires')}: {formatTime(i.expiresAt, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {isOwner && (
        <form onSubmit={submit}>
          <Title order={4} mb="xs">
            {t('team.inviteTitle')}
          </Title>
          <Group align="end">
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={
                invite.error ? (fieldError(fieldErrors(invite.error, t), 'email') ?? errorMessage(invite.error, t)) : undefined
              }
              disabled={!gate.allowed}
            />
            <Select
              label={t('team.role')}
              value={role}
              allowDeselect={false}
              onChange={(v) => v && setRole(v)}
              data={[
                { value: 'member', label: t('role.member') },
                { value: 'owner', label: t('role.owner') },
              ]}
            />
            <Button type="submit" loading={invite.isPending} disabled={!gate.allowed} title={gate.hint}>
              {t('team.invite')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
