locals {
  timestamp           = timestamp()
  timestamp_sanitized = replace(local.timestamp, ":", "-")
}

resource "aws_db_instance" "main" {
  identifier                = "main"
  final_snapshot_identifier = "db-snapshot-${local.timestamp_sanitized}"
}

resource "aws_athena_named_query" "daily" {
  name     = "daily"
  database = "logs"
  query    = "SELECT * FROM logs WHERE day = '${local.timestamp}'"
}

output "generated_at" {
  value = local.timestamp
}
