resource "aws_instance" "web" {
  ami                    = "ami-0abcdef1234567890" # from the tutorial
  instance_type          = "t3.micro"
  subnet_id              = "subnet-12345678"
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
  key_name               = "your-key-pair"
}

resource "aws_iam_role_policy" "read" {
  name = "read"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/*" }]
  })
}

resource "aws_sns_topic_policy" "t" {
  arn    = "arn:aws:sns:us-east-1:123456789012:alerts"
  policy = data.aws_iam_policy_document.t.json
}
