resource "aws_rds_cluster" "main" {
	cluster_identifier          = "app-aurora"
	engine                      = "aurora-mysql"
	master_username             = "app"
	manage_master_user_password = true
	final_snapshot_identifier   = "app-aurora-final-${timestamp()}"
}

resource "aws_db_instance" "main" {
	identifier                = "app-db"
	engine                    = "mysql"
	instance_class            = "db.t3.micro"
	allocated_storage         = 20
	final_snapshot_identifier = "app-db-final-${timestamp()}"
}
