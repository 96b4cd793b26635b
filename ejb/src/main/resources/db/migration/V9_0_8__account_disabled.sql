-- An account closed for good (demo accounts left over when a server leaves development mode):
-- sign-in refused and no password reset reopens it (issue 9 item 12).
ALTER TABLE account ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
