-- Sign-in throttling by client address and account together (issue 16): the attempts of one
-- client on one username, and until when that pair must wait. Kept in the database so that every
-- instance of the application sees the same counts. Replaces the account-wide lock, with which
-- anyone could lock any account.
create table sign_in_throttle (
    client_address  varchar(64)  not null,
    username        varchar(100) not null,
    attempts        integer      not null,
    last_attempt_at timestamptz  not null,
    blocked_until   timestamptz,
    primary key (client_address, username)
);
create index sign_in_throttle_username_idx on sign_in_throttle (username);
create index sign_in_throttle_last_attempt_idx on sign_in_throttle (last_attempt_at);

-- The old account-wide lock is no longer set; clear what it left.
update account set failed_attempts = 0, locked_until = null
    where failed_attempts <> 0 or locked_until is not null;
