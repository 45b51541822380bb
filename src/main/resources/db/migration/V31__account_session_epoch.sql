-- Sessions end when their account's credentials change (issue 16): every session remembers the
-- epoch of its account at sign-in, and a request whose session is of an older epoch is signed out.
-- A counter in the account row, not a list of sessions, so it holds wherever sessions are stored.
alter table account add column session_epoch integer not null default 0;
