/**
 * Facilitator accounts (SPEC AC-1 … AC-12): what the HTTP routes under
 * /api/auth and /api/accounts take and answer. Participants and projectors
 * never have accounts.
 */
import { z } from 'zod';
import { singleLine } from './text.js';

export const ACCOUNT_ROLES = ['admin', 'facilitator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((email) => email.toLowerCase())
  .pipe(z.email('not an e-mail address'));

export const accountNameSchema = singleLine(120);

/** Long enough to resist guessing, short enough that hashing it costs the same for everyone. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_LIMITS.min, `at least ${PASSWORD_LIMITS.min} characters`)
  .max(PASSWORD_LIMITS.max);

/** One-time tokens (setup link, invitations): 192 random bits, base64url. */
export const oneTimeTokenSchema = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

export const setupSchema = z.object({
  token: oneTimeTokenSchema,
  email: emailSchema,
  name: accountNameSchema,
  password: passwordSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  // Not passwordSchema: a login with a too-short password is a wrong password, not a malformed request.
  password: z.string().min(1).max(PASSWORD_LIMITS.max),
});

export const passwordChangeSchema = z.object({
  current: z.string().min(1).max(PASSWORD_LIMITS.max),
  next: passwordSchema,
});

export const inviteSchema = z.object({
  role: z.enum(ACCOUNT_ROLES).default('facilitator'),
  /** Shown on the invitation page; the account's address is what the invitee enters. */
  note: singleLine(120).optional(),
});

export const acceptInviteSchema = z.object({
  email: emailSchema,
  name: accountNameSchema,
  password: passwordSchema,
});

export const accountPatchSchema = z.object({
  disabled: z.boolean(),
});

export type SetupRequest = z.input<typeof setupSchema>;
export type LoginRequest = z.input<typeof loginSchema>;
export type PasswordChangeRequest = z.input<typeof passwordChangeSchema>;
export type InviteRequest = z.input<typeof inviteSchema>;
export type AcceptInviteRequest = z.input<typeof acceptInviteSchema>;

/** An account as its owner and administrators see it. Never carries a password hash. */
export interface AccountView {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  /** Signs in with OpenID Connect (AC-10). */
  oidc: boolean;
  createdAt: number;
}

/** GET /api/auth/status */
export interface AuthStatus {
  account: AccountView | null;
  /** No account exists yet: the server printed a setup link (AC-1). */
  setupRequired: boolean;
  /** Sign-in with the organisation's identity provider is offered (AC-10). */
  oidc: { enabled: boolean; label: string };
}

/** POST /api/invites */
export interface CreatedInvite {
  /** Relative link, e.g. /invite/<token>; the token is shown once. */
  path: string;
  expiresAt: number;
  role: AccountRole;
}

/** GET /api/invites/:token */
export interface InviteInfo {
  role: AccountRole;
  note: string | null;
  expiresAt: number;
}

/** Who took a decision (SPEC C-2, AC-9): the facilitator's account, or a co-facilitation link. */
export interface Actor {
  accountId: string | null;
  name: string;
}
