resource "aws_subnet" "private_a" {
  vpc_id     = "vpc-123"
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "private_b" {
  vpc_id     = "vpc-123"
  cidr_block = "10.0.2.0/24"
}

resource "aws_instance" "app" {
  for_each  = toset(["a", "b"])
  subnet_id = aws_subnet.private_c.id
}
