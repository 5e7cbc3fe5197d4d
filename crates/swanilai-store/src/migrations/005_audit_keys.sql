-- 005: keyed checkpoints. The last entry of a transaction (the one carrying `state`) is
-- signed (ed25519) by the signed-in account, with a key derived from that account's
-- password (argon2id with `account.key_salt`); `signer` names the account. Each account's
-- public key is registered in the chain itself (`account.key` entries) and kept in
-- `account.public_key`, so rewriting the chain consistently needs the passwords, not only
-- the algorithm. Neither column is part of an entry's hash: the signature covers the hash.

ALTER TABLE audit_log ADD COLUMN signer TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN sig TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN key_salt TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
