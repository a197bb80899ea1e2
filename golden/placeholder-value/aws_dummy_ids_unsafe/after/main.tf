resource "aws_instance" "web" {
  ami                    = var.ami # from the tutorial
  instance_type          = "t3.micro"
  subnet_id              = var.subnet_id
  vpc_security_group_ids = var.vpc_security_group_ids
  key_name               = var.key_name
}

resource "aws_iam_role_policy" "read" {
  name = "read"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/*" }]
  })
}

resource "aws_sns_topic_policy" "t" {
  arn    = var.t_arn
  policy = data.aws_iam_policy_document.t.json
}
