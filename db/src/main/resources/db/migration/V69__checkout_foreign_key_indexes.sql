-- Every foreign key has an index starting with its column (SchemaRulesIT): deleting a user must not
-- scan the admin-edited checkout tables that name who last changed them.
CREATE INDEX ix_delivery_lines_updated_by ON delivery_lines (updated_by);
CREATE INDEX ix_category_shipping_defaults_updated_by ON category_shipping_defaults (updated_by);
