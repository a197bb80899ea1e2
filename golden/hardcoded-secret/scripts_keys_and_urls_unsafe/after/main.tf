resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  user_data = <<-EOT
    #!/bin/bash
    export DB_PASSWORD="${var.app_db_password}"
    export DB_HOST=${aws_db_instance.app.address}
    API_TOKEN=${var.api_token}
    echo "started"
  EOT
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"

  metadata_startup_script = "ADMIN_PASSWORD=${var.vm_admin_password} /opt/start.sh"
}

resource "aws_ssm_parameter" "db_url" {
  name  = "/app/db_url"
  type  = "String"
  value = "postgresql://app:${var.db_url_password}@db.internal:5432/app"
}

locals {
  deploy_key = <<-EOT
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    -----END OPENSSH PRIVATE KEY-----
  EOT
  ci_key_id  = "AKIAJ3K5L7M9N2P4Q6R8"
}
