// Team: members and invitations of one account (ACC-03). Every query goes through
// store.team.forAccount(accountId), so another account's ids are simply "not found".
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFound, unauthenticated } from '../errors.ts';
import { addMs, assertPasswordRules, normalizeEmail } from './credentials.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { INVITATION_TTL_MS, TOKEN_BYTES } from './limits.ts';
import type { SessionOps, StartedSession } from './sessions.ts';
import type { AccountRole, TeamMember } from './types.ts';

export interface TeamView {
  members: TeamMember[];
  invitations: Array<{ id: string; email: string; role: AccountRole; expiresAt: string }>;
}

export interface AcceptInvitationInput {
  token: string;
  password?: string;
  name?: string;
  /** The user already signed in in this browser, if any. */
  signedInUserId: string | null;
}

const INVITATION_INVALID = 'This invitation is invalid, was already used or has expired; ask the account owner for a new one.';

export function createTeamOps(deps: AccountsDeps, sessions: SessionOps) {
  const { store, tokens, clock, hasher, systemMail, publicUrl } = deps;

  return {
    async team(accountId: string): Promise<TeamView> {
      const team = store.team.forAccount(accountId);
      const [members, invitations] = await Promise.all([team.members(), team.pendingInvitations(clock.now().toISOString())]);
      return {
        members,
        invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt })),
      };
    },

    async invite(
      accountId: string,
      invitedBy: string,
      input: { email: string; role: AccountRole },
    ): Promise<{ id: string; email: string; role: AccountRole; expiresAt: string }> {
      const email = normalizeEmail(input.email);
      const team = store.team.forAccount(accountId);
      const members = await team.members();
      if (members.some((m) => m.email === email))
        throw conflict('ALREADY_MEMBER', 'This person is already a member of the account.');
      const token = tokens.randomToken(TOKEN_BYTES);
      const now = clock.now();
      const invitation = {
        id: randomUUID(),
        email,
        role: input.role,
        tokenHash: tokens.digest(token),
        invitedBy,
        createdAt: now.toISOString(),
        expiresAt: addMs(now, INVITATION_TTL_MS),
        acceptedAt: null,
      };
      await team.invite(invitation);
      const [account, inviter] = await Promise.all([store.accounts.get(accountId), store.users.byId(invitedBy)]);
      await systemMail.enqueue({
        to: email,
        template: 'invitation',
        data: {
          accountName: account?.name ?? '',
          inviterName: inviter?.name || inviter?.email || '',
          role: input.role,
          link: `${publicUrl}/app/accept-invitation?token=${encodeURIComponent(token)}`,
          expiresAt: invitation.expiresAt,
        },
        language: account?.language,
        accountId,
        category: 'critical',
      });
      return { id: invitation.id, email, role: invitation.role, expiresAt: invitation.expiresAt };
    },

    async deleteInvitation(accountId: string, invitationId: string): Promise<void> {
      if (!(await store.team.forAccount(accountId).deleteInvitation(invitationId)))
        throw notFound('INVITATION_NOT_FOUND', 'No such invitation.');
    },

    async removeMember(accountId: string, actingUserId: string, userId: string): Promise<void> {
      const team = store.team.forAccount(accountId);
      const member = await team.member(userId);
      if (!member) throw notFound('MEMBER_NOT_FOUND', 'No such member in this account.');
      if (userId === actingUserId) throw conflict('CANNOT_REMOVE_SELF', 'You cannot remove yourself; ask another owner.');
      if (member.role === 'owner') {
        const owners = (await team.members()).filter((m) => m.role === 'owner');
        if (owners.length <= 1) throw conflict('LAST_OWNER', 'An account keeps at least one owner.');
      }
      await team.removeMember(userId);
    },

    /**
     * The mailed token proves control of the invited address. A new address becomes a user (with
     * a password, verified email); an existing user must be signed in as that user or give their
     * password, so a leaked invitation link cannot sign anyone in as somebody else.
     */
    async acceptInvitation(input: AcceptInvitationInput, meta: RequestMeta): Promise<StartedSession> {
      const invitation = await store.team.invitationByTokenHash(tokens.digest(input.token));
      const now = clock.now().toISOString();
      if (!invitation || invitation.acceptedAt !== null || invitation.expiresAt <= now)
        throw invalid('INVITATION_INVALID', INVITATION_INVALID);

      const existing = await store.users.byEmail(invitation.email);
      let userId: string;
      let newUser = null;
      if (existing) {
        const proven =
          input.signedInUserId === existing.id ||
          (input.password !== undefined && (await hasher.verify(existing.passwordHash, input.password)));
        if (!proven)
          throw unauthenticated('INVALID_CREDENTIALS', "Sign in as the invited user, or give that user's password, to accept.");
        userId = existing.id;
      } else {
        if (input.password === undefined) throw invalid('PASSWORD_REQUIRED', 'Choose a password to create your user.');
        assertPasswordRules(input.password);
        userId = randomUUID();
        newUser = {
          id: userId,
          email: invitation.email,
          passwordHash: await hasher.hash(input.password),
          name: (input.name ?? '').trim(),
          emailVerifiedAt: now,
          platformRole: null,
          language: 'en',
          createdAt: now,
        };
      }
      const outcome = await store.team.acceptInvitation({ invitation, userId, newUser, at: now });
      if (outcome === 'gone') throw invalid('INVITATION_INVALID', INVITATION_INVALID);
      if (outcome === 'email-taken')
        throw conflict('EMAIL_TAKEN', 'A user with this email was just created; sign in and open the link again.');
      return sessions.startSession(userId, invitation.accountId, meta);
    },
  };
}
