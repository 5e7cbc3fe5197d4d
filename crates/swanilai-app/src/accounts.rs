//! Accounts: the first account (the instansi's supervisor), sign-in with slowed-down
//! wrong passwords, changing and resetting passwords (argon2id; never logged).

use std::time::Duration;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use serde_json::json;
use swanilai_core::workflow::Role;
use swanilai_store::accounts::{self, AccountRow};
use swanilai_store::assessments;

use crate::access::Actor;
use crate::{AccountDto, NewAccount, SignedInDto};
use crate::{App, AppError, AppResult, ErrorCode};

/// The shortest password accepted, in characters (not bytes).
pub const MIN_PASSWORD_CHARS: usize = 10;

const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "passw0rd",
    "1234567890",
    "12345678910",
    "qwertyuiop",
    "admin12345",
    "adminadmin",
    "katasandi",
    "rahasia123",
    "indonesia1",
    "bismillah1",
    "asdfghjkl1",
    "spbe123456",
];

impl App {
    /// Create an account. The first account is the instansi's supervisor and needs no
    /// sign-in; after that only the supervisor account adds accounts.
    pub fn add_account(&mut self, input: NewAccount) -> AppResult<AccountDto> {
        let first = !self.has_accounts()?;
        let actor = if first {
            input.name.trim().to_owned()
        } else {
            self.require_admin()?
        };
        let name = input.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "the account name must be 1-80 characters",
            ));
        }
        check_password(&name, &input.password)?;
        if accounts::by_name(self.store.conn(), &name)?.is_some() {
            return Err(AppError::new(
                ErrorCode::DuplicateAccount,
                format!(
                    "an account named '{name}' already exists (names are compared without case)"
                ),
            ));
        }
        let hash = hash_password(&input.password)?;
        let salt = crate::signing::new_key_salt();
        let key = crate::signing::derive_signer(&name, &input.password, &salt)?;
        let now = self.clock.now();
        let (unit, nip) = (input.unit.trim().to_owned(), input.nip.trim().to_owned());
        // The first account signs its own key's registration (nobody can vouch for it);
        // later ones are vouched for by the supervisor's signed-in key.
        let signed_in = self.store.signer().cloned();
        if first {
            self.store.set_signer(Some(key.clone()));
        }
        let result = self.store.transaction(|tx, _| {
            let id = accounts::insert(tx, &name, &nip, &unit, &hash, first, &now)?;
            let row = accounts::by_id(tx, id)?.ok_or_else(|| {
                AppError::new(ErrorCode::Internal, "the new account was not stored")
            })?;
            crate::signing::register_key(tx, &now, &actor, &row, &salt, &key)?;
            if first {
                // The first account supervises every assessment that already exists.
                for a in assessments::list(tx)? {
                    accounts::set_role(tx, a.id, id, Role::Supervisor)?;
                }
            }
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "account.add",
                    year: None,
                    indicator: None,
                    entity: "account",
                    before: "null".into(),
                    after: json!({"name": name, "unit": unit, "nip": nip, "is_admin": first})
                        .to_string(),
                },
            )
        });
        if first {
            self.store.set_signer(signed_in);
        }
        result?;
        Ok(AccountDto {
            name,
            unit,
            nip,
            is_admin: first,
        })
    }

    /// Sign in. Each failure is audited (the name tried, never the password) and counted
    /// per account in the database, and the next attempt on that account waits for the
    /// count first, before the password is checked, so parallel attempts are slowed too. A
    /// missing name costs the same hashing time as a real check and never says whether the
    /// name exists.
    pub fn sign_in(&mut self, name: &str, password: &str) -> AppResult<SignedInDto> {
        let row = accounts::by_name(self.store.conn(), name)?;
        // A name with no account waits for its own audited failures, the same way an
        // account waits for its count: the delay does not tell which names exist.
        let waited = match &row {
            Some(r) => r.failed_attempts,
            None => swanilai_store::audit::failed_sign_ins(self.store.conn(), name)?,
        };
        if waited > 0 {
            std::thread::sleep(self.sign_in_delay * waited.min(10));
        }
        let ok = match &row {
            Some(r) => verify_password(&r.password_hash, password),
            None => {
                // Spend the same time as a real check, so a missing name does not answer faster.
                let _ = hash_password(password);
                false
            }
        };
        let Some(row) = row.filter(|_| ok) else {
            self.record_sign_in(name, false)?;
            if waited == 0 {
                std::thread::sleep(self.sign_in_delay);
            }
            return Err(AppError::new(
                ErrorCode::WrongCredentials,
                "wrong account name or password",
            ));
        };
        self.take_key(&row, password)?;
        if row.failed_attempts > 0 {
            self.record_sign_in(&row.name, true)?;
        }
        let row = accounts::by_id(self.store.conn(), row.id)?.unwrap_or(row);
        self.actor = Some(Actor { account: row });
        self.signed_in()?
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "session lost"))
    }

    /// Count a failed sign-in (or clear the count after a success that follows failures),
    /// audited, in one transaction. A read-only database records nothing.
    fn record_sign_in(&mut self, name: &str, ok: bool) -> AppResult<()> {
        if self.store.read_only().is_some() {
            return Ok(());
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let account = accounts::by_name(tx, name)?;
            let failures = match (&account, ok) {
                (Some(a), false) => a.failed_attempts + 1,
                _ => 0,
            };
            if let Some(a) = &account {
                accounts::set_failed_attempts(tx, a.id, failures)?;
            }
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: account.as_ref().map_or(name, |a| a.name.as_str()),
                    action: if ok {
                        "account.signin"
                    } else {
                        "account.signin_failed"
                    },
                    year: None,
                    indicator: None,
                    entity: "account",
                    before: "null".into(),
                    after: serde_json::json!({ "name": name, "failed_attempts": failures })
                        .to_string(),
                },
            )
        })
    }

    /// Change the signed-in user's own password (the current one must be given).
    pub fn change_password(&mut self, current: &str, new: &str) -> AppResult<()> {
        let Some(actor) = self.actor.clone() else {
            return Err(crate::access::sign_in_required());
        };
        let row = accounts::by_id(self.store.conn(), actor.account.id)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::UnknownAccount,
                "the signed-in account no longer exists",
            )
        })?;
        if !verify_password(&row.password_hash, current) {
            std::thread::sleep(self.sign_in_delay);
            return Err(AppError::new(
                ErrorCode::WrongCredentials,
                "the current password is wrong",
            ));
        }
        self.store_password(&row, new, "account.password")
    }

    /// The supervisor account sets a new password for another account (forgotten password).
    pub fn reset_password(&mut self, account: &str, new: &str) -> AppResult<()> {
        self.require_admin()?;
        let row = self.account_named(account)?;
        self.store_password(&row, new, "account.reset_password")
    }

    fn store_password(&mut self, row: &AccountRow, new: &str, action: &str) -> AppResult<()> {
        check_password(&row.name, new)?;
        let hash = hash_password(new)?;
        // A new password gives a new key, registered in a transaction signed by the key of
        // whoever changes it (the account's old key, or the supervisor's).
        let salt = crate::signing::new_key_salt();
        let key = crate::signing::derive_signer(&row.name, new, &salt)?;
        let actor = self.actor_name()?;
        let own = self.actor.as_ref().is_some_and(|a| a.account.id == row.id);
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            accounts::set_password_hash(tx, row.id, &hash)?;
            accounts::set_failed_attempts(tx, row.id, 0)?;
            crate::signing::register_key(tx, &now, &actor, row, &salt, &key)?;
            // The log says that it changed, never the password or its hash.
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action,
                    year: None,
                    indicator: None,
                    entity: "account",
                    before: json!({"name": row.name}).to_string(),
                    after: json!({"name": row.name, "password": "changed"}).to_string(),
                },
            )
        })?;
        if own {
            self.store.set_signer(Some(key));
        }
        Ok(())
    }

    /// Forget the signed-in user; where accounts exist, the next change needs a sign-in again.
    pub fn sign_out(&mut self) {
        self.actor = None;
        self.store.set_signer(None);
    }

    /// Base delay after a wrong password (multiplied by the failures in a row, up to 10).
    pub fn set_sign_in_delay(&mut self, delay: Duration) {
        self.sign_in_delay = delay;
    }

    /// Who is signed in, with their role in the latest assessment.
    pub fn signed_in(&mut self) -> AppResult<Option<SignedInDto>> {
        let Some(actor) = self.actor.clone() else {
            return Ok(None);
        };
        let latest = assessments::latest(self.store.conn())?;
        let role = match &latest {
            Some(a) => self.role_in(a)?,
            None => actor.account.is_admin.then_some(Role::Supervisor),
        };
        Ok(Some(SignedInDto {
            account: account_dto(&actor.account),
            role,
            role_title: role.map(|r| r.title_id().to_owned()),
            year: latest.map(|a| a.year),
        }))
    }

    /// Whether the database has accounts (then every change needs a signed-in user).
    pub fn requires_sign_in(&self) -> AppResult<bool> {
        self.has_accounts()
    }

    /// Every account, oldest first (the first is the instansi's supervisor); never a password
    /// hash.
    pub fn accounts(&self) -> AppResult<Vec<AccountDto>> {
        Ok(accounts::list(self.store.conn())?
            .iter()
            .map(account_dto)
            .collect())
    }
    pub(crate) fn account_named(&self, name: &str) -> AppResult<AccountRow> {
        accounts::by_name(self.store.conn(), name)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::UnknownAccount,
                format!("there is no account named '{}'", name.trim()),
            )
        })
    }
}

pub(crate) fn account_dto(r: &AccountRow) -> AccountDto {
    AccountDto {
        name: r.name.clone(),
        unit: r.unit.clone(),
        nip: r.nip.clone(),
        is_admin: r.is_admin,
    }
}

fn check_password(name: &str, password: &str) -> AppResult<()> {
    let weak = |why: &str| {
        Err(AppError::new(
            ErrorCode::WeakPassword,
            format!("the password is too weak: {why}"),
        ))
    };
    let chars = password.chars().count();
    if password.trim().is_empty() {
        return weak("it is empty");
    }
    if chars < MIN_PASSWORD_CHARS {
        return weak(&format!("use at least {MIN_PASSWORD_CHARS} characters"));
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lower.as_str()) || lower.contains(&name.to_lowercase()) {
        return weak("it is a common password or contains the account name");
    }
    let distinct: std::collections::BTreeSet<char> = password.chars().collect();
    if distinct.len() < 4 {
        return weak("it repeats too few different characters");
    }
    Ok(())
}

fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("cannot hash the password: {e}"),
            )
        })
}

fn verify_password(stored: &str, password: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}
