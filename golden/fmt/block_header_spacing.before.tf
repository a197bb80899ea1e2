resource   "aws_instance"    "web"{
  ami = "ami-123"
}
locals{
  a = 1
}
