resource "aws_rds_cluster" "main" {
        cluster_identifier          = "app-aurora"
        engine                      = "aurora-mysql"
        master_username             = "app"
        manage_master_user_password = true
        final_snapshot_identifier   = "app-aurora-final-${formatdate("YYYYMMDDhhmmss", time_static.rds_cluster_main_final_snapshot.rfc3339)}"
}

resource "time_static" "rds_cluster_main_final_snapshot" {}

resource "aws_db_instance" "main" {
        identifier                = "app-db"
        engine                    = "mysql"
        instance_class            = "db.t3.micro"
        allocated_storage         = 20
        final_snapshot_identifier = "app-db-final-${formatdate("YYYYMMDDhhmmss", time_static.db_instance_main_final_snapshot.rfc3339)}"
}

resource "time_static" "db_instance_main_final_snapshot" {}
