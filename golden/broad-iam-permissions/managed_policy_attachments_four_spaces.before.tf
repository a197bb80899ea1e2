resource "aws_iam_role_policy_attachment" "admin" {
    role       = aws_iam_role.deployer.name
    policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy_attachment" "s3" {
    user       = aws_iam_user.ci.name
    policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonS3FullAccess"
}

resource "aws_iam_group_policy_attachment" "power" {
    group      = aws_iam_group.devs.name
    policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role" "lambda" {
    name               = "lambda"
    assume_role_policy = data.aws_iam_policy_document.assume.json
    managed_policy_arns = [
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
    ]
}

module "ci_role" {
    source = "./modules/role"
    policies = {
        lambda = "arn:aws:iam::aws:policy/AWSLambda_FullAccess"
        read   = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    }
}
