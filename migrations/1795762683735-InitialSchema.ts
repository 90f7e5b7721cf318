import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

export class InitialSchema1795762683735 implements MigrationInterface {
  name = 'InitialSchema1795762683735';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'pwd_record',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'udid', type: 'varchar', length: '18', isNullable: false },
        { name: 'card_status', type: 'varchar', length: '12', isNullable: false },
        { name: 'card_issued_on', type: 'date', isNullable: false },
        { name: 'name', type: 'varchar', length: '120', isNullable: false },
        { name: 'name_regional', type: 'varchar', length: '160', isNullable: true },
        { name: 'guardian_name', type: 'varchar', length: '120', isNullable: false },
        { name: 'gender', type: 'varchar', length: '12', isNullable: false },
        { name: 'date_of_birth', type: 'date', isNullable: false },
        { name: 'mobile', type: 'varchar', length: '10', isNullable: false },
        { name: 'email', type: 'varchar', length: '160', isNullable: true },
        { name: 'address', type: 'varchar', length: '300', isNullable: false },
        { name: 'pincode', type: 'varchar', length: '6', isNullable: false },
        { name: 'district', type: 'varchar', length: '60', isNullable: false },
        { name: 'district_code', type: 'varchar', length: '2', isNullable: false },
        { name: 'state', type: 'varchar', length: '60', isNullable: false },
        { name: 'state_code', type: 'varchar', length: '2', isNullable: false },
        { name: 'primary_disability', type: 'varchar', length: '40', isNullable: false },
        { name: 'disability_percentage', type: 'smallint', isNullable: false },
        { name: 'certificate_type', type: 'varchar', length: '10', isNullable: false },
        { name: 'certificate_number', type: 'varchar', length: '40', isNullable: false },
        { name: 'certificate_issued_on', type: 'date', isNullable: false },
        { name: 'valid_until', type: 'date', isNullable: true },
        { name: 'issuing_authority', type: 'varchar', length: '160', isNullable: false },
        { name: 'education', type: 'varchar', length: '24', isNullable: false },
        { name: 'employment', type: 'varchar', length: '24', isNullable: false },
        { name: 'income_band', type: 'varchar', length: '24', isNullable: false },
        { name: 'below_poverty_line', type: 'boolean', isNullable: false },
        { name: 'aadhaar_last4', type: 'varchar', length: '4', isNullable: false },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'updated_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'uq_pwd_record_udid', columnNames: ['udid'], isUnique: true }),
        new TableIndex({ name: 'ix_pwd_record_updated_id', columnNames: ['updated_at', 'id'] }),
        new TableIndex({ name: 'ix_pwd_record_percentage_id', columnNames: ['disability_percentage', 'id'] }),
        new TableIndex({ name: 'ix_pwd_record_state_district_id', columnNames: ['state_code', 'district', 'id'] }),
        new TableIndex({ name: 'ix_pwd_record_state_id', columnNames: ['state_code', 'id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'pwd_disability',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'pwd_id', type: 'int', isNullable: false },
        { name: 'type', type: 'varchar', length: '40', isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'ix_pwd_disability_type_pwd', columnNames: ['type', 'pwd_id'] }),
        new TableIndex({ name: 'uq_pwd_disability_pwd_type', columnNames: ['pwd_id', 'type'], isUnique: true }),
        ],
        foreignKeys: [
        new TableForeignKey({ name: 'fk_pwd_disability_pwd', columnNames: ['pwd_id'], referencedTableName: 'pwd_record', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'organization',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'name', type: 'varchar', length: '200', isNullable: false },
        { name: 'address', type: 'varchar', length: '300', isNullable: false },
        { name: 'contact_person', type: 'varchar', length: '120', isNullable: false },
        { name: 'designation', type: 'varchar', length: '120', isNullable: false },
        { name: 'email', type: 'varchar', length: '160', isNullable: false },
        { name: 'mobile', type: 'varchar', length: '10', isNullable: false },
        { name: 'phone', type: 'varchar', length: '20', isNullable: true },
        { name: 'city', type: 'varchar', length: '80', isNullable: false },
        { name: 'state', type: 'varchar', length: '60', isNullable: false },
        { name: 'pincode', type: 'varchar', length: '6', isNullable: false },
        { name: 'category', type: 'varchar', length: '12', isNullable: false },
        { name: 'status', type: 'varchar', length: '16', isNullable: false },
        { name: 'registered_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'approved_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'activated_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'deactivated_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'deactivation_reason', type: 'varchar', length: '300', isNullable: true },
        { name: 'updated_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'version', type: 'int', isNullable: false, default: "1" },
        ],
        indices: [
        new TableIndex({ name: 'uq_organization_email', columnNames: ['email'], isUnique: true }),
        new TableIndex({ name: 'ix_organization_status_id', columnNames: ['status', 'id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'mou',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'organization_id', type: 'int', isNullable: false },
        { name: 'reference', type: 'varchar', length: '60', isNullable: false },
        { name: 'depwd_signatory', type: 'varchar', length: '120', isNullable: false },
        { name: 'partner_signatory', type: 'varchar', length: '120', isNullable: false },
        { name: 'purpose', type: 'varchar', length: '300', isNullable: false },
        { name: 'executed_on', type: 'date', isNullable: false },
        { name: 'effective_from', type: 'date', isNullable: false },
        { name: 'expires_on', type: 'date', isNullable: false },
        { name: 'termination_type', type: 'varchar', length: '10', isNullable: true },
        { name: 'termination_notice_on', type: 'date', isNullable: true },
        { name: 'terminated_on', type: 'date', isNullable: true },
        { name: 'termination_reason', type: 'varchar', length: '500', isNullable: true },
        { name: 'destruction_attested_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'destruction_attested_by', type: 'int', isNullable: true },
        { name: 'destruction_attestation', type: 'varchar', length: '1000', isNullable: true },
        { name: 'recorded_by', type: 'int', isNullable: true },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'uq_mou_reference', columnNames: ['reference'], isUnique: true }),
        new TableIndex({ name: 'ix_mou_expires', columnNames: ['expires_on', 'id'] }),
        new TableIndex({ name: 'ix_mou_org_effective', columnNames: ['organization_id', 'effective_from'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'application',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'organization_id', type: 'int', isNullable: false },
        { name: 'client_id', type: 'varchar', length: '40', isNullable: false },
        { name: 'name', type: 'varchar', length: '120', isNullable: false },
        { name: 'description', type: 'varchar', length: '1000', isNullable: false },
        { name: 'contact_person', type: 'varchar', length: '120', isNullable: false },
        { name: 'email', type: 'varchar', length: '160', isNullable: false },
        { name: 'purpose', type: 'varchar', length: '500', isNullable: false },
        { name: 'requested_ips', type: 'text', isNullable: false },
        { name: 'requested_scopes', type: 'text', isNullable: false },
        { name: 'approved_scopes', type: 'text', isNullable: true },
        { name: 'daily_record_quota', type: 'int', isNullable: false, default: "0" },
        { name: 'cost_budget', type: 'int', isNullable: false, default: "2000" },
        { name: 'cost_restore_rate', type: 'int', isNullable: false, default: "100" },
        { name: 'status', type: 'varchar', length: '12', isNullable: false },
        { name: 'requested_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'approved_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'disabled_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'disabled_reason', type: 'varchar', length: '300', isNullable: true },
        { name: 'sharing_suspended_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'sharing_suspension_kind', type: 'varchar', length: '16', isNullable: true },
        { name: 'sharing_suspension_reason', type: 'varchar', length: '500', isNullable: true },
        { name: 'first_record_access_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'last_benefit_report_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'updated_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'version', type: 'int', isNullable: false, default: "1" },
        ],
        indices: [
        new TableIndex({ name: 'uq_application_client_id', columnNames: ['client_id'], isUnique: true }),
        new TableIndex({ name: 'ix_application_status_id', columnNames: ['status', 'id'] }),
        new TableIndex({ name: 'ix_application_org_id', columnNames: ['organization_id', 'id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'application_ip',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'cidr', type: 'varchar', length: '64', isNullable: false },
        { name: 'added_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'added_by', type: 'int', isNullable: true },
        { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'revoked_by', type: 'int', isNullable: true },
        ],
        indices: [
        new TableIndex({ name: 'ix_application_ip_app', columnNames: ['application_id', 'revoked_at'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'client_credential',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'secret_hash', type: 'varchar', length: '255', isNullable: false },
        { name: 'secret_hint', type: 'varchar', length: '12', isNullable: false },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'created_by', type: 'int', isNullable: true },
        { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'last_used_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
        new TableIndex({ name: 'ix_client_credential_app', columnNames: ['application_id', 'revoked_at'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'user_account',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'email', type: 'varchar', length: '160', isNullable: false },
        { name: 'name', type: 'varchar', length: '120', isNullable: false },
        { name: 'role', type: 'varchar', length: '24', isNullable: false },
        { name: 'organization_id', type: 'int', isNullable: true },
        { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
        { name: 'status', type: 'varchar', length: '20', isNullable: false },
        { name: 'failed_logins', type: 'int', isNullable: false, default: "0" },
        { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
        { name: 'activated_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'last_login_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'uq_user_account_email', columnNames: ['email'], isUnique: true }),
        new TableIndex({ name: 'ix_user_account_org', columnNames: ['organization_id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'activation_token',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'user_id', type: 'int', isNullable: false },
        { name: 'token_hash', type: 'varchar', length: '64', isNullable: false },
        { name: 'expires_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'uq_activation_token_hash', columnNames: ['token_hash'], isUnique: true }),
        new TableIndex({ name: 'ix_activation_token_user', columnNames: ['user_id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'channel', type: 'varchar', length: '16', isNullable: false },
        { name: 'recipient', type: 'varchar', length: '160', isNullable: false },
        { name: 'subject', type: 'varchar', length: '200', isNullable: false },
        { name: 'body', type: 'text', isNullable: false },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'sent_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
        new TableIndex({ name: 'ix_outbox_message_pending', columnNames: ['sent_at', 'id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'benefit_report',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'organization_id', type: 'int', isNullable: false },
        { name: 'udid', type: 'varchar', length: '18', isNullable: false },
        { name: 'pwd_id', type: 'int', isNullable: false },
        { name: 'state_code', type: 'varchar', length: '2', isNullable: false },
        { name: 'scheme_code', type: 'varchar', length: '40', isNullable: false },
        { name: 'scheme_name', type: 'varchar', length: '200', isNullable: false },
        { name: 'benefit_type', type: 'varchar', length: '24', isNullable: false },
        { name: 'amount_paise', type: 'bigint', isNullable: true },
        { name: 'benefit_date', type: 'date', isNullable: false },
        { name: 'client_reference', type: 'varchar', length: '100', isNullable: false },
        { name: 'remarks', type: 'varchar', length: '500', isNullable: true },
        { name: 'channel', type: 'varchar', length: '8', isNullable: false },
        { name: 'status', type: 'varchar', length: '10', isNullable: false },
        { name: 'reversed_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'reversal_reason', type: 'varchar', length: '500', isNullable: true },
        { name: 'created_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'ix_benefit_report_type_date', columnNames: ['benefit_type', 'benefit_date'] }),
        new TableIndex({ name: 'ix_benefit_report_scheme_date', columnNames: ['scheme_code', 'benefit_date'] }),
        new TableIndex({ name: 'ix_benefit_report_state_date', columnNames: ['state_code', 'benefit_date'] }),
        new TableIndex({ name: 'ix_benefit_report_date', columnNames: ['benefit_date'] }),
        new TableIndex({ name: 'ix_benefit_report_udid', columnNames: ['udid'] }),
        new TableIndex({ name: 'ix_benefit_report_app_id', columnNames: ['application_id', 'id'] }),
        new TableIndex({ name: 'uq_benefit_report_app_ref', columnNames: ['application_id', 'client_reference'], isUnique: true }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'access_event',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'organization_id', type: 'int', isNullable: false },
        { name: 'udid', type: 'varchar', length: '18', isNullable: false },
        { name: 'source', type: 'varchar', length: '16', isNullable: false },
        { name: 'scopes', type: 'varchar', length: '300', isNullable: false },
        { name: 'fields', type: 'varchar', length: '1000', isNullable: false },
        { name: 'operation_name', type: 'varchar', length: '100', isNullable: true },
        { name: 'request_id', type: 'varchar', length: '40', isNullable: false },
        { name: 'source_ip', type: 'varchar', length: '64', isNullable: false },
        { name: 'occurred_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'prev_hash', type: 'varchar', length: '64', isNullable: false },
        { name: 'hash', type: 'varchar', length: '64', isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'ix_access_event_time', columnNames: ['occurred_at'] }),
        new TableIndex({ name: 'ix_access_event_app_time', columnNames: ['application_id', 'occurred_at'] }),
        new TableIndex({ name: 'ix_access_event_udid_time', columnNames: ['udid', 'occurred_at'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'scraping_alert',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'kind', type: 'varchar', length: '32', isNullable: false },
        { name: 'evidence', type: 'text', isNullable: false },
        { name: 'window_start', type: 'datetime', precision: 3, isNullable: false },
        { name: 'window_end', type: 'datetime', precision: 3, isNullable: false },
        { name: 'status', type: 'varchar', length: '16', isNullable: false },
        { name: 'auto_suspended', type: 'boolean', isNullable: false, default: "false" },
        { name: 'raised_at', type: 'datetime', precision: 3, isNullable: false },
        { name: 'acknowledged_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'acknowledged_by', type: 'int', isNullable: true },
        { name: 'resolved_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'resolved_by', type: 'int', isNullable: true },
        { name: 'resolution', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
        new TableIndex({ name: 'ix_scraping_alert_app', columnNames: ['application_id', 'raised_at'] }),
        new TableIndex({ name: 'ix_scraping_alert_status_id', columnNames: ['status', 'id'] }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'usage_daily',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'application_id', type: 'int', isNullable: false },
        { name: 'day', type: 'date', isNullable: false },
        { name: 'requests', type: 'int', isNullable: false, default: "0" },
        { name: 'records', type: 'int', isNullable: false, default: "0" },
        { name: 'cost', type: 'int', isNullable: false, default: "0" },
        { name: 'errors', type: 'int', isNullable: false, default: "0" },
        { name: 'unknown_lookups', type: 'int', isNullable: false, default: "0" },
        ],
        indices: [
        new TableIndex({ name: 'ix_usage_daily_day', columnNames: ['day'] }),
        new TableIndex({ name: 'uq_usage_daily_app_day', columnNames: ['application_id', 'day'], isUnique: true }),
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'admin_audit',
        columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment', isNullable: false },
        { name: 'actor_type', type: 'varchar', length: '12', isNullable: false },
        { name: 'actor_id', type: 'int', isNullable: true },
        { name: 'actor_role', type: 'varchar', length: '24', isNullable: true },
        { name: 'action', type: 'varchar', length: '40', isNullable: false },
        { name: 'target_type', type: 'varchar', length: '24', isNullable: false },
        { name: 'target_id', type: 'int', isNullable: false },
        { name: 'before_status', type: 'varchar', length: '24', isNullable: true },
        { name: 'after_status', type: 'varchar', length: '24', isNullable: true },
        { name: 'details', type: 'text', isNullable: true },
        { name: 'request_id', type: 'varchar', length: '40', isNullable: true },
        { name: 'occurred_at', type: 'datetime', precision: 3, isNullable: false },
        ],
        indices: [
        new TableIndex({ name: 'ix_admin_audit_time', columnNames: ['occurred_at'] }),
        new TableIndex({ name: 'ix_admin_audit_target', columnNames: ['target_type', 'target_id', 'id'] }),
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('admin_audit', true);
    await q.dropTable('usage_daily', true);
    await q.dropTable('scraping_alert', true);
    await q.dropTable('access_event', true);
    await q.dropTable('benefit_report', true);
    await q.dropTable('outbox_message', true);
    await q.dropTable('activation_token', true);
    await q.dropTable('user_account', true);
    await q.dropTable('client_credential', true);
    await q.dropTable('application_ip', true);
    await q.dropTable('application', true);
    await q.dropTable('mou', true);
    await q.dropTable('organization', true);
    await q.dropTable('pwd_disability', true);
    await q.dropTable('pwd_record', true);
  }
}
