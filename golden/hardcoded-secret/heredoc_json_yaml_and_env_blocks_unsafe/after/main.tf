resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "environment": [
      {"name": "DB_PASSWORD", "value": "${var.app_db_password}"}
    ],
    "secrets": []
  }
]
EOF
}

resource "aws_instance" "a" {
  user_data = templatefile("${path.module}/init.sh", { db_password = var.a_db_password, region = "eu-west-1" })

  provisioner "remote-exec" {
    connection {
      type     = "ssh"
      password = var.a_connection_password
    }
  }
}

resource "kubernetes_deployment" "x" {
  spec {
    template {
      spec {
        container {
          env {
            name  = "API_TOKEN"
            value = var.x_api_token
          }
        }
      }
    }
  }
}

locals {
  config = jsonencode({ database = { password = var.config_password } })
  yaml   = <<-YAML
    db:
      password: ${var.yaml_password}
  YAML
}

# not secrets: a reference in JSON, settings named after secrets, a key id
resource "aws_iam_policy" "read" {
  name   = "read"
  policy = <<EOF
{
  "Statement": [{
    "Effect": "Allow",
    "Action": "secretsmanager:GetSecretValue",
    "Resource": "${aws_secretsmanager_secret.db.arn}",
    "Condition": {"StringEquals": {"secretsmanager:VersionStage": "AWSCURRENT"}}
  }]
}
EOF
}

resource "helm_release" "app" {
  name   = "app"
  values = [<<-YAML
    auth:
      password_length: 32
      existingSecret: app-credentials
      passwordKey: db-password
    YAML
  ]
}

resource "helm_release" "db" {
  name = "db"
  values = [<<-YAML
    auth:
      adminPassword: ${var.db_admin_password}
      existingSecret: db-credentials
    YAML
  ]
}
