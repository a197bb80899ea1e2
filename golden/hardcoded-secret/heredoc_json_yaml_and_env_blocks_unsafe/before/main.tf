resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "environment": [
      {"name": "DB_PASSWORD", "value": "HeredocJs0nPass"}
    ],
    "secrets": []
  }
]
EOF
}

resource "aws_instance" "a" {
  user_data = templatefile("${path.module}/init.sh", { db_password = "TplArgPass99", region = "eu-west-1" })

  provisioner "remote-exec" {
    connection {
      type     = "ssh"
      password = "ConnPass777"
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
            value = "K8sEnvTok3n"
          }
        }
      }
    }
  }
}

locals {
  config = jsonencode({ database = { password = "LocalsJs0nPw" } })
  yaml   = <<-YAML
    db:
      password: YamlPassw0rd1
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
      adminPassword: HelmAdm1nPass
      existingSecret: db-credentials
    YAML
  ]
}
