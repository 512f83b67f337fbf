-- The storefront keeps the access tokens whose account session it found valid (platform KeptSessions) and forgets
-- an account's tokens when it hears that the account changed: every change that can end a session or change what
-- a token may do (status, sessions revoked, roles, a refresh-token family revoked, the account deleted) sends
-- NOTIFY account_sessions with the account's id, delivered to the listeners when the change commits. A refresh
-- token deleted can only make a session valid again, never end one: it sends nothing.

-- The trigger's argument names the row's column that holds the account's id.
CREATE FUNCTION notify_account_session_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('account_sessions', to_jsonb(OLD) ->> TG_ARGV[0]);
    ELSE
        PERFORM pg_notify('account_sessions', to_jsonb(NEW) ->> TG_ARGV[0]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_session_changed
    AFTER UPDATE OF status, sessions_revoked_at ON users
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.sessions_revoked_at IS DISTINCT FROM NEW.sessions_revoked_at)
    EXECUTE FUNCTION notify_account_session_change('id');

CREATE TRIGGER users_deleted
    AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_account_session_change('id');

CREATE TRIGGER user_roles_changed
    AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION notify_account_session_change('user_id');

CREATE TRIGGER refresh_tokens_revoked
    AFTER UPDATE OF revoked_at ON refresh_tokens
    FOR EACH ROW
    WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION notify_account_session_change('user_id');
